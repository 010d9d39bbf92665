package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.EvaluationCancelledException;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An interrupt stops every kind of evaluation at any size with {@link EvaluationCancelledException},
 * leaving none of its work running; fact and time limits apply to every kind.
 */
class EvaluationCancellationTest {

  private final ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);

  @AfterEach
  void clearInterruptAndPool() {
    Thread.interrupted();
    pool.shutdownNow();
  }

  @Test
  void anInterruptedThreadCancelsASmallEvaluation() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder().pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml")).build();
    Thread.currentThread().interrupt();

    EvaluationCancelledException e = assertThrows(EvaluationCancelledException.class,
        () -> engine.evaluate(EvaluationLimitsTest.devices(50)));

    assertEquals("the evaluation of 50 facts was cancelled: its thread was interrupted", e.getMessage());
    assertTrue(Thread.interrupted(), "the interrupt flag was cleared");
  }

  @Test
  void anInterruptStopsALongEvaluationOnTheCallersThread() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder().pack(SlowFleet.pack()).build();

    EvaluationCancelledException e = interruptedAfterAWhile(() -> engine.evaluate(SlowFleet.devices(600)));

    assertEquals("the evaluation of 600 facts was cancelled: its thread was interrupted", e.getMessage());
  }

  @Test
  void anInterruptStopsAShardedEvaluationAndLeavesNoShardRunning() throws Exception {
    ComplianceEngine engine = EngineTestAccess.shardSize(ComplianceEngine.builder(), 10)
        .pack(SlowFleet.pack()).executor(pool).build();

    EvaluationCancelledException e = interruptedAfterAWhile(() -> engine.evaluate(SlowFleet.devices(600)));

    assertEquals("the evaluation of 600 facts was cancelled: its thread was interrupted", e.getMessage());
    assertIdleSoon(pool);
  }

  @Test
  void anInterruptStopsASessionsReport() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder().pack(SlowFleet.pack()).build();
    try (ComplianceSession session = engine.openSession()) {
      SlowFleet.devices(600).forEach(session::insert);

      EvaluationCancelledException e = interruptedAfterAWhile(session::report);

      assertEquals("the session's report was cancelled: its thread was interrupted", e.getMessage());
    }
  }

  @Test
  void anInterruptStopsAStreamingEvaluationAndLeavesNoShardRunning() throws Exception {
    ComplianceEngine engine = EngineTestAccess.shardSize(ComplianceEngine.builder(), 10)
        .pack(SlowFleet.pack()).executor(pool).build();
    try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {

      EvaluationCancelledException e = interruptedAfterAWhile(() -> {
        SlowFleet.devices(600).forEach(evaluation::add);
        return evaluation.finish();
      });

      assertTrue(e.getMessage().matches("the streaming evaluation of \\d+ facts was cancelled: its thread was interrupted"),
          e.getMessage());
      assertIdleSoon(pool);
    }
  }

  @Test
  void aSessionsReportStopsAtTheTimeLimit() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder().pack(SlowFleet.pack()).timeLimit(Duration.ofSeconds(1)).build();
    try (ComplianceSession session = engine.openSession()) {
      SlowFleet.devices(600).forEach(session::insert);

      Ran ran = Ran.on(session::report, thread -> {});

      EvaluationCancelledException e = assertInstanceOf(EvaluationCancelledException.class, ran.thrown());
      assertEquals("the session's report stopped at the time limit of PT1S before its results were up to date; call"
          + " report() again to go on, or build the engine with a longer timeLimit", e.getMessage());
      assertFalse(ran.interruptedAfter(), "the caller's thread was left interrupted");
    }
  }

  @Test
  void aSessionRefusesFactsBeyondTheFactLimit() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder()
        .pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml")).maxFacts(2).build();
    List<Fact> devices = EvaluationLimitsTest.devices(3);
    try (ComplianceSession session = engine.openSession()) {
      session.insert(devices.get(0));
      session.insert(devices.get(1));

      IllegalStateException e = assertThrows(IllegalStateException.class, () -> session.insert(devices.get(2)));

      assertEquals("cannot insert device 'd00002': the session holds 2 facts, the engine's fact limit (maxFacts);"
          + " remove facts first, or build the engine with a higher maxFacts", e.getMessage());
      session.remove(FactType.DEVICE, "d00000");
      session.insert(devices.get(2));
      assertEquals(2, session.size());
    }
  }

  @Test
  void aStreamingEvaluationStopsAtTheFactLimitAsABatchDoes() throws Exception {
    Function<Long, ComplianceEngine> engine = limit -> build(EngineTestAccess.shardSize(ComplianceEngine.builder(), 7)
        .pack(parse()).maxFacts(limit));
    List<Fact> fleet = EvaluationLimitsTest.devices(50);

    Report streamed = stream(engine.apply(20L), fleet);

    assertEquals(Optional.of("stopped at the fact limit of 20: 20 of 50 facts evaluated"), streamed.incompleteReason());
    assertEquals(20L, streamed.factCounts().get(FactType.DEVICE));
    assertEquals(engine.apply(20L).evaluate(fleet).results(), streamed.results());
  }

  @Test
  void aStreamingEvaluationStopsAtTheTimeLimitAndNeverPassesWhatItDidNotEvaluate() throws Exception {
    ComplianceEngine engine = EngineTestAccess.shardSize(ComplianceEngine.builder(), 7)
        .pack(parse()).timeLimit(Duration.ofNanos(1)).build();

    Report streamed = stream(engine, EvaluationLimitsTest.devices(50));

    assertEquals(Optional.of("stopped at the time limit of PT0.000000001S: 0 of 50 facts evaluated"),
        streamed.incompleteReason());
    assertEquals(0, streamed.count(Outcome.PASS));
  }

  @Test
  void aShardedEvaluationStoppedAtTheTimeLimitReportsOnlyTheFactsOfFinishedShards() throws Exception {
    ComplianceEngine engine = EngineTestAccess.shardSize(ComplianceEngine.builder(), 10)
        .pack(SlowFleet.pack()).executor(pool).timeLimit(Duration.ofSeconds(2)).build();

    Report report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.evaluate(SlowFleet.devices(600)));

    assertFalse(report.isComplete());
    long evaluated = report.factCounts().get(FactType.DEVICE);
    assertTrue(evaluated < 600 && evaluated % 10 == 0, evaluated + " devices evaluated");
    assertEquals(Optional.of("stopped at the time limit of PT2S: " + evaluated + " of 600 facts evaluated"),
        report.incompleteReason());
    assertEquals(evaluated, report.resultCount());
    assertIdleSoon(pool);
  }

  private static Report stream(ComplianceEngine engine, List<Fact> facts) {
    try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
      facts.forEach(evaluation::add);
      return evaluation.finish();
    }
  }

  private static RulePack parse() {
    try {
      return RulePacks.parse(EvaluationTest.PACK, "test.yaml");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ComplianceEngine build(ComplianceEngine.Builder builder) {
    try {
      return builder.build();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Runs the work on a thread of its own, interrupts that thread half a second in, and returns what
   * the work threw (it would take minutes otherwise).
   */
  private static EvaluationCancelledException interruptedAfterAWhile(Callable<?> work) throws Exception {
    Ran ran = Ran.on(work, thread -> {
      Thread.sleep(500);
      thread.interrupt();
    });
    assertTrue(ran.interruptedAfter(), "the interrupt flag was cleared");
    return assertInstanceOf(EvaluationCancelledException.class, ran.thrown());
  }

  /** What work run on a thread of its own threw, and whether that thread's interrupt flag was set after. */
  private record Ran(@Nullable Throwable thrown, boolean interruptedAfter) {

    interface Meddling {
      void with(Thread thread) throws InterruptedException;
    }

    static Ran on(Callable<?> work, Meddling meddling) throws InterruptedException {
      Throwable[] thrown = new Throwable[1];
      boolean[] interrupted = new boolean[1];
      Thread thread = new Thread(() -> {
        try {
          work.call();
        } catch (Throwable t) {
          thrown[0] = t;
        }
        interrupted[0] = Thread.currentThread().isInterrupted();
      });
      thread.setDaemon(true);
      thread.start();
      meddling.with(thread);
      thread.join(30_000);
      assertFalse(thread.isAlive(), "the work went on for 30 s");
      return new Ran(thrown[0], interrupted[0]);
    }
  }

  /** The pool runs nothing of the evaluation any more (what is still queued only finds it stopped). */
  private static void assertIdleSoon(ThreadPoolExecutor pool) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while ((pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, pool.getActiveCount(), "shards still running");
    assertTrue(pool.getQueue().isEmpty(), "shards still queued");
  }
}
