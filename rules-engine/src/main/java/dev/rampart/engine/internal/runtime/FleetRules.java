package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.load.Joins;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.value.RuleId;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The rules that compare facts of one type with each other ({@code unique}), evaluated as a hash
 * partitioned join: the rules checking one value form a group, the facts are split by the hash of
 * that value, and each part is one Drools session. Facts that share a value always share a part,
 * so Drools' group-by in each session gathers exactly the facts of the whole fleet that share each
 * value, once per value, while no session holds the whole fleet and the parts run in parallel.
 *
 * <p>The facts that share a value share a part whichever of them a {@code uniqueAmong} check counts,
 * so its selection needs no more than the same split. A rule checking several values at once cannot be split by one of them; its group runs in one
 * session. Facts of other types (what the rules refer to) are in every part.
 */
final class FleetRules {

  private final List<Group> groups;

  private FleetRules(List<Group> groups) {
    this.groups = groups;
  }

  static FleetRules of(List<RuleProgram> programs) {
    Map<GroupKey, List<RuleProgram>> byKey = new LinkedHashMap<>();
    for (RuleProgram program : programs) {
      if (RuleBases.needsFleet(program)) {
        Joins joins = program.joins();
        GroupKey key = joins.uniquesShareOnePath()
            ? new GroupKey(program.rule().target(), joins.uniques().get(0).path().text(), null)
            : new GroupKey(program.rule().target(), null, program.rule().ruleId());
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(program);
      }
    }
    List<Group> groups = new ArrayList<>();
    byKey.forEach((name, members) -> {
      Joins joins = members.get(0).joins();
      Function<Object, Object> key = joins.uniquesShareOnePath() ? Keys.valueOrSelf(joins.uniques().get(0).path()) : null;
      groups.add(new Group(name, List.copyOf(members), key));
    });
    return new FleetRules(List.copyOf(groups));
  }

  /**
   * The tasks that evaluate every group over the facts, at most about {@code partSize} subjects a
   * session; each returns its findings.
   *
   * @param subjects per fact type, the facts the rules compare (all of them)
   * @param others all facts of the other types, for references
   */
  List<Shard<List<Finding>>> tasks(
      RuleBases bases, Instant now, Map<FactType, List<Fact>> byType, int partSize) {
    List<Shard<List<Finding>>> tasks = new ArrayList<>();
    for (Group group : groups) {
      FactType target = group.name.target();
      List<Fact> subjects = byType.getOrDefault(target, List.of());
      List<Fact> others = new ArrayList<>();
      byType.forEach((type, facts) -> {
        if (type != target) {
          others.addAll(facts);
        }
      });
      int parts = group.key == null ? 1 : Math.max(1, Math.min(256, subjects.size() / Math.max(1, partSize)));
      List<List<Fact>> split = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        split.add(new ArrayList<>());
      }
      for (Fact subject : subjects) {
        int part = parts == 1 ? 0 : part(group.key.apply(subject).hashCode(), parts);
        split.get(part).add(subject);
      }
      RuleBase base = bases.fleet(group.name, group.members::contains);
      for (List<Fact> part : split) {
        tasks.add(new Shard<>(part, () -> evaluate(base, now, part, others)));
      }
    }
    return tasks;
  }

  /** Each group as a distributed evaluation splits it: its target, its rules and what its facts are split by. */
  List<FleetPart> parts(List<RuleProgram> programs) {
    List<FleetPart> parts = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      List<Integer> rules = group.members.stream().map(programs::indexOf).toList();
      Function<Object, Object> key = group.key;
      parts.add(new FleetPart(g, group.name.target(), rules,
          key == null ? fact -> FleetPart.ONE_PART : fact -> {
            Object value = key.apply(fact);
            return value == fact ? null : value;
          }));
    }
    return List.copyOf(parts);
  }

  /** Evaluates the group at {@code index} over the subjects, the facts of other types referred to being {@code context}. */
  List<Finding> evaluate(RuleBases bases, int index, Instant now, List<Fact> subjects, List<Fact> context) {
    Group group = groups.get(index);
    return evaluate(bases.fleet(group.name, group.members::contains), now, subjects, context);
  }

  /** The compilation of each group's knowledge base. */
  List<Runnable> compilations(RuleBases bases) {
    return groups.stream().<Runnable>map(group -> () -> bases.fleet(group.name, group.members::contains)).toList();
  }

  // every rule of a group is about the subjects, so every finding is about one of the part's
  private static List<Finding> evaluate(RuleBase base, Instant now, List<Fact> subjects, List<Fact> others) {
    List<Finding> findings = new ArrayList<>();
    base.evaluateOnce(now, findings::add, others, subjects);
    return findings;
  }

  /**
   * The part of a value with this hash code. Drools' group-by keeps each part's values in a
   * {@link java.util.HashMap}, whose bucket is the hash's low bits (after {@code h ^ h >>> 16}): a part
   * chosen by those same bits would give all its values a few buckets, and a million devices' parts
   * would search long chains (trees) for every device. The part is taken from the high bits of a
   * thoroughly mixed hash instead, which leave a part's values spread over all of its buckets.
   */
  static int part(int hashCode, int parts) {
    int h = hashCode;
    // the finaliser of MurmurHash3: every bit of the result depends on every bit of the input
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return (int) (((h & 0xFFFFFFFFL) * parts) >>> 32);
  }

  /**
   * What the rules of a group compare: the facts of one type, by the value at one path, or, for a
   * rule comparing several values at once, by that rule alone.
   */
  record GroupKey(FactType target, @Nullable String path, @Nullable RuleId rule) {}

  private record Group(GroupKey name, List<RuleProgram> members, @Nullable Function<Object, Object> key) {}
}
