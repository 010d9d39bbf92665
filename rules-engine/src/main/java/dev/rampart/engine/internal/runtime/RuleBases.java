package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The knowledge bases of one compiled program: all rules evaluated once, the same rules split into
 * those a shard of devices can decide alone and those that need the whole fleet, all rules kept true
 * by truth maintenance, and one per rule for explaining it. All but the first are compiled on first
 * use, since most evaluations never need them.
 */
final class RuleBases {

  private final List<RuleProgram> programs;
  private final List<Rule> rules;
  private final RuleBase all;
  private final FleetRules fleetRules;
  private final Map<Key, RuleBase> built = new ConcurrentHashMap<>();

  RuleBases(List<RuleProgram> programs) {
    this.programs = List.copyOf(programs);
    this.rules = this.programs.stream().map(RuleProgram::rule).toList();
    this.all = RuleBase.build(this.programs, program -> true, RuleBase.Mode.ONCE);
    this.fleetRules = FleetRules.of(this.programs);
  }

  /** Which subset of the rules a knowledge base holds, and for what. */
  sealed interface Key {}

  /** Every rule, kept true by truth maintenance in an incremental session. */
  record Maintained() implements Key {}

  /** The rules a shard of devices decides alone, with the rules about the other facts. */
  record Local() implements Key {}

  /** The rules of {@link Local} about devices only. */
  record LocalDevices() implements Key {}

  /** The rules of one group that compares facts with each other. */
  record Fleet(FleetRules.GroupKey group) implements Key {}

  /** One rule, built to explain it. */
  record Explain(int rule) implements Key {}

  List<RuleProgram> programs() {
    return programs;
  }

  /** The rules, in the order findings index them. */
  List<Rule> rules() {
    return rules;
  }

  /** Every rule, for facts evaluated once. */
  RuleBase all() {
    return all;
  }

  /** Every rule, for an incremental session. */
  RuleBase maintained() {
    return built(new Maintained(), program -> true, RuleBase.Mode.MAINTAINED);
  }

  FleetRules fleetRules() {
    return fleetRules;
  }

  RuleBase local() {
    return built(new Local(), program -> !needsFleet(program), RuleBase.Mode.ONCE);
  }

  /**
   * The rules of {@link #local()} about devices only: a shard after the first needs no others,
   * as the first shard reports the other facts.
   */
  RuleBase localDevices() {
    return built(new LocalDevices(), program -> !needsFleet(program) && program.rule().target() == FactType.DEVICE,
        RuleBase.Mode.ONCE);
  }

  RuleBase fleet(FleetRules.GroupKey group, Predicate<RuleProgram> members) {
    return built(new Fleet(group), members, RuleBase.Mode.ONCE);
  }

  RuleBase explaining(int rule) {
    RuleProgram program = programs.get(rule);
    return built(new Explain(rule), candidate -> candidate == program, RuleBase.Mode.EXPLAIN);
  }

  /**
   * Compiles every knowledge base an evaluation or a session may need (all but those that explain
   * one rule), in parallel on the executor, so that no evaluation waits for one.
   */
  void compileAll(Executor executor) {
    EvaluationTasks tasks = new EvaluationTasks(executor, Long.MAX_VALUE);
    List<Runnable> compilations = new ArrayList<>(List.of(this::maintained, this::local, this::localDevices));
    fleetRules.compilations(this).forEach(compilations::add);
    compilations.forEach(compilation -> tasks.submit(() -> {
      compilation.run();
      return true;
    }));
    tasks.await("the compilation of the rule packs");
  }

  /** How many knowledge bases are compiled so far. */
  int compiled() {
    return 1 + built.size();
  }

  /** Uniqueness compares a fact with every other of its type, so only the whole fleet decides it. */
  static boolean needsFleet(RuleProgram program) {
    return !program.joins().uniques().isEmpty();
  }

  private RuleBase built(Key key, Predicate<RuleProgram> include, RuleBase.Mode mode) {
    return built.computeIfAbsent(key, k -> RuleBase.build(programs, include, mode));
  }
}
