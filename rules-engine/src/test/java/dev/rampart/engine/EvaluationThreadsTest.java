package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.internal.runtime.Workers;
import dev.rampart.spi.fact.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Evaluations run their shards on the embedder's executor, or on one bounded pool for the whole JVM. */
class EvaluationThreadsTest {

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  ComplianceEngine.Builder builder() throws Exception {
    return EngineTestAccess.shardSize(ComplianceEngine.builder(), 25)
        .pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml"));
  }

  @Test
  void concurrentEvaluationsShareOneBoundedPool() throws Exception {
    ComplianceEngine engine = builder().build();
    List<Fact> fleet = EvaluationLimitsTest.devices(3000);
    int callers = 8;
    CyclicBarrier start = new CyclicBarrier(callers + 1);
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    int most = 0;
    try {
      List<Future<Report>> reports = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        reports.add(threads.submit(() -> {
          start.await();
          return engine.evaluate(fleet);
        }));
      }
      start.await();
      while (!reports.stream().allMatch(Future::isDone)) {
        most = Math.max(most, evaluationThreads());
        Thread.sleep(1);
      }
      Report expected = builder().build().evaluate(fleet);
      for (Future<Report> report : reports) {
        assertEquals(expected.counts(), report.get().counts());
      }
    } finally {
      threads.shutdownNow();
    }
    assertTrue(most > 0, "no evaluation thread was seen");
    assertTrue(most <= PROCESSORS, most + " evaluation threads ran at once, more than the " + PROCESSORS + " processors");
  }

  @Test
  void theCallersExecutorRunsTheShardsAndIsNeverShutDown() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger tasks = new AtomicInteger();
    try {
      ComplianceEngine engine = builder().executor(task -> {
        tasks.incrementAndGet();
        pool.execute(task);
      }).build();
      List<Fact> fleet = EvaluationLimitsTest.devices(100);

      Report batch = engine.evaluate(fleet);
      int batchTasks = tasks.getAndSet(0);
      Report streamed;
      try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
        fleet.forEach(evaluation::add);
        streamed = evaluation.finish();
      }

      // four shards of 25 devices, and the sessions of the rule comparing devices
      assertTrue(batchTasks >= 4, batchTasks + " tasks");
      assertTrue(tasks.get() >= 4, tasks.get() + " tasks");
      assertEquals(builder().build().evaluate(fleet).results(), batch.results());
      assertEquals(batch.results(), streamed.results());
      assertFalse(pool.isShutdown());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void limitsKeepTheShards() throws Exception {
    AtomicInteger tasks = new AtomicInteger();
    ComplianceEngine engine = builder()
        .executor(task -> {
          tasks.incrementAndGet();
          Workers.shared().execute(task);
        })
        .maxFacts(10_000)
        .timeLimit(java.time.Duration.ofMinutes(5))
        .build();

    Report report = engine.evaluate(EvaluationLimitsTest.devices(100));

    assertTrue(report.isComplete());
    assertTrue(tasks.get() >= 4, tasks.get() + " tasks");
  }

  private static int evaluationThreads() {
    int count = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(Workers.THREAD_NAME)) {
        count++;
      }
    }
    return count;
  }
}
