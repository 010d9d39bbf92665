package dev.rampart.engine.internal.runtime;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One evaluation of a complete set of facts, without truth maintenance: every fact is inserted,
 * the rules fire once, and each finding goes straight into the result table.
 *
 * <p>A large fleet is split into shards of devices evaluated in parallel, one Drools session per
 * shard: the rules that look only at a device and the facts it refers to run in every shard (each
 * holding all networks, vendors and deployments; the first shard also evaluates the rules about
 * those), while the rules that compare devices with each other ({@code unique}) run in sessions
 * partitioned by the value compared ({@link FleetRules}), so uniqueness is still an indexed join
 * across the whole fleet.
 */
final class BatchEvaluation {

  private final RuleBases bases;
  private final Instant now;
  private final int shardSize;

  BatchEvaluation(RuleBases bases, Instant now, int shardSize) {
    this.bases = bases;
    this.now = now;
    this.shardSize = shardSize;
  }

  ResultTable run(Collection<? extends Fact> facts) {
    Map<FactType, List<String>> ids = new EnumMap<>(FactType.class);
    List<Fact> devices = new ArrayList<>();
    List<Fact> others = new ArrayList<>();
    for (Fact fact : facts) {
      ids.computeIfAbsent(fact.type(), type -> new ArrayList<>()).add(fact.id());
      (fact.type() == FactType.DEVICE ? devices : others).add(fact);
    }
    ResultTable.Builder table = new ResultTable.Builder(bases.rules(), ResultTable.sortedIds(ids));
    if (devices.size() <= shardSize) {
      record(table, evaluate(bases.all(), facts, true));
      return table.build();
    }
    List<Callable<List<Finding>>> shards = new ArrayList<>();
    Map<FactType, List<Fact>> byType = new EnumMap<>(FactType.class);
    byType.put(FactType.DEVICE, devices);
    others.forEach(fact -> byType.computeIfAbsent(fact.type(), type -> new ArrayList<>()).add(fact));
    shards.addAll(bases.fleetRules().tasks(bases, now, byType, shardSize));
    ContextIndex context = new ContextIndex(others);
    for (int start = 0; start < devices.size(); start += shardSize) {
      List<Fact> slice = devices.subList(start, Math.min(devices.size(), start + shardSize));
      boolean first = start == 0;
      RuleBase base = first ? bases.local() : bases.localDevices();
      // the first shard also evaluates the other facts; the rest need only what their devices refer to
      shards.add(() -> evaluate(base, concat(List.of(slice, first ? others : context.referencedBy(slice))), first));
    }
    int threads = Math.min(shards.size(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
    try {
      CompletionService<List<Finding>> done = new ExecutorCompletionService<>(pool);
      shards.forEach(done::submit);
      for (int i = 0; i < shards.size(); i++) {
        record(table, done.take().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    } catch (ExecutionException e) {
      throw unwrap(e);
    } finally {
      pool.shutdownNow();
    }
    return table.build();
  }

  private List<Finding> evaluate(RuleBase base, Iterable<? extends Fact> facts, boolean reportsOtherTypes) {
    List<Finding> findings = new ArrayList<>();
    base.evaluateOnce(now, finding -> {
      if (reportsOtherTypes || finding.result().factType() == FactType.DEVICE) {
        findings.add(finding);
      }
    }, facts);
    return findings;
  }

  /** What a failed evaluation task threw, to be thrown on the caller's thread. */
  static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("evaluation failed: " + cause, cause);
  }

  private static void record(ResultTable.Builder table, List<Finding> findings) {
    for (Finding finding : findings) {
      table.record(finding.result());
    }
  }

  private static Iterable<Fact> concat(List<List<Fact>> parts) {
    List<Fact> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  /** Daemon threads, so an evaluation abandoned by its caller never keeps the JVM alive. */
  static final class Workers implements ThreadFactory {

    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "rampart-evaluation-" + COUNT.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
