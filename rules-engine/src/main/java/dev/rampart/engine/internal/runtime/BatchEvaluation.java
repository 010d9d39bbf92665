package dev.rampart.engine.internal.runtime;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>Limits keep the shards: beyond the fact limit, facts are left out (devices last, as they refer
 * to the others); at the time limit, the shards still running are stopped, and the results cover
 * only the facts whose shards all finished. Nothing unevaluated is ever reported as a pass.
 */
final class BatchEvaluation {

  private final RuleBases bases;
  private final Instant now;
  private final Execution execution;

  BatchEvaluation(RuleBases bases, Instant now, Execution execution) {
    this.bases = bases;
    this.now = now;
    this.execution = execution;
  }

  BoundedResults run(Collection<? extends Fact> given) {
    List<Fact> facts = new ArrayList<>(given.size());
    List<Fact> devices = new ArrayList<>();
    List<Fact> others = new ArrayList<>();
    for (Fact fact : given) {
      (fact.type() == FactType.DEVICE ? devices : others).add(fact);
    }
    // devices refer to networks and vendors; evaluating those first keeps the joins of what is left whole
    facts.addAll(others);
    facts.addAll(devices);
    boolean cut = facts.size() > execution.maxFacts();
    if (cut) {
      facts = facts.subList(0, (int) execution.maxFacts());
      others = facts.subList(0, Math.min(others.size(), facts.size()));
      devices = facts.subList(others.size(), facts.size());
    }
    String what = "the evaluation of " + given.size() + " facts";
    EvaluationTasks tasks = new EvaluationTasks(execution.executor(), EvaluationTasks.deadline(execution.timeLimit()));
    List<Shard<List<Finding>>> shards = shards(facts, devices, others);
    List<EvaluationTasks.Task<List<Finding>>> running = new ArrayList<>();
    if (shards.size() == 1) {
      running.add(tasks.runHere(shards.get(0).work()));
    } else {
      shards.forEach(shard -> running.add(tasks.submit(shard.work())));
    }
    EvaluationTasks.Stop stop = tasks.await(what);
    List<Shard<?>> unfinished = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      if (!running.get(i).isDone()) {
        unfinished.add(shards.get(i));
      }
    }
    // every shard finished unless the time limit stopped them: then only the facts of those that did count
    Map<FactType, Set<String>> evaluated = unfinished.isEmpty() ? null : Shard.evaluated(facts, unfinished);
    ResultTable.Builder table = new ResultTable.Builder(bases.rules(), ResultTable.sortedIds(
        evaluated == null ? ids(facts) : evaluated));
    for (EvaluationTasks.Task<List<Finding>> task : running) {
      if (task.isDone()) {
        for (Finding finding : task.result()) {
          Result result = finding.result();
          if (evaluated == null || evaluated.get(result.factType()).contains(result.factId())) {
            table.record(result);
          }
        }
      }
    }
    String reason = null;
    if (stop == EvaluationTasks.Stop.TIME_LIMIT) {
      long count = evaluated == null ? facts.size() : evaluated.values().stream().mapToLong(Set::size).sum();
      reason = execution.stoppedAtTimeLimit(count, given.size());
    } else if (cut) {
      reason = execution.stoppedAtFactLimit(given.size());
    }
    return new BoundedResults(table.build(), reason);
  }

  private List<Shard<List<Finding>>> shards(List<Fact> facts, List<Fact> devices, List<Fact> others) {
    int shardSize = execution.shardSize();
    if (devices.size() <= shardSize) {
      return List.of(new Shard<>(facts, () -> evaluate(bases.all(), facts, true)));
    }
    List<Shard<List<Finding>>> shards = new ArrayList<>();
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
      List<Fact> subjects = first ? concat(List.of(slice, others)) : slice;
      List<Fact> inserted = first ? subjects : concat(List.of(slice, context.referencedBy(slice)));
      shards.add(new Shard<>(subjects, () -> evaluate(base, inserted, first)));
    }
    return shards;
  }

  private static Map<FactType, List<String>> ids(List<Fact> facts) {
    Map<FactType, List<String>> ids = new EnumMap<>(FactType.class);
    for (Fact fact : facts) {
      ids.computeIfAbsent(fact.type(), type -> new ArrayList<>()).add(fact.id());
    }
    return ids;
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

  private static List<Fact> concat(List<List<Fact>> parts) {
    List<Fact> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }
}
