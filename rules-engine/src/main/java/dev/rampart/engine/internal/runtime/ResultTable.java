package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.FactType;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Every result of an evaluation, stored by what it costs to tell apart: one byte per rule and fact
 * for the outcome, and a full {@link Result} only for findings (FAIL, UNKNOWN, ERROR), whose
 * message and evidence are specific to the fact. PASS and NOT_APPLICABLE results are made when
 * asked for. A million devices under seventy rules then take tens of megabytes, not gigabytes.
 *
 * <p>Results are ordered by rule (in pack order), then by fact id. Immutable.
 */
public final class ResultTable {

  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Judgement NOT_APPLICABLE = new Judgement(Outcome.NOT_APPLICABLE, RuleProgram.NOT_APPLICABLE, List.of());

  private final List<Rule> rules;
  private final Judgement[] passes;
  private final Map<FactType, String[]> ids;
  private final byte[][] outcomes;
  private final int[][] findingIndexes;
  private final Result[][] findings;
  private final long[] offsets;

  private ResultTable(
      List<Rule> rules, Map<FactType, String[]> ids, byte[][] outcomes, int[][] findingIndexes, Result[][] findings) {
    this.rules = rules;
    this.passes = rules.stream().map(rule -> new Judgement(Outcome.PASS, rule.title(), List.of())).toArray(Judgement[]::new);
    this.ids = ids;
    this.outcomes = outcomes;
    this.findingIndexes = findingIndexes;
    this.findings = findings;
    this.offsets = new long[rules.size() + 1];
    for (int r = 0; r < rules.size(); r++) {
      offsets[r + 1] = offsets[r] + outcomes[r].length;
    }
  }

  /** The ids of each type, sorted as reports list them. */
  static Map<FactType, String[]> sortedIds(Map<FactType, ? extends Iterable<String>> factIds) {
    Map<FactType, String[]> sorted = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      List<String> list = new ArrayList<>();
      Iterable<String> given = factIds.get(type);
      if (given != null) {
        given.forEach(list::add);
      }
      String[] array = list.toArray(String[]::new);
      Arrays.sort(array);
      sorted.put(type, array);
    }
    return sorted;
  }

  /** The rules evaluated, in report order, whether or not any fact was of their target type. */
  public List<Rule> rules() {
    return rules;
  }

  /** Every result, as a list made on demand. */
  public List<Result> all() {
    return new AllResults();
  }

  public long size() {
    return offsets[rules.size()];
  }

  public long factCount(FactType type) {
    return ids.get(type).length;
  }

  /** The findings in report order. */
  public List<Result> findings() {
    List<Result> all = new ArrayList<>();
    for (Result[] ofRule : findings) {
      all.addAll(Arrays.asList(ofRule));
    }
    return all;
  }

  /** The results of the rules with this id (one per pack defining it), in report order. */
  public List<Result> forRule(String ruleId) {
    List<Result> results = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).id().equals(ruleId)) {
        for (int f = 0; f < outcomes[r].length; f++) {
          results.add(result(r, f));
        }
      }
    }
    return results;
  }

  /** Every result of the rule at index {@code r}, in fact id order. */
  public List<Result> ofRule(int r) {
    List<Result> results = new ArrayList<>(outcomes[r].length);
    for (int f = 0; f < outcomes[r].length; f++) {
      results.add(result(r, f));
    }
    return results;
  }

  /** The results for one fact, in rule order. */
  public List<Result> forFact(FactType type, String id) {
    int f = Arrays.binarySearch(ids.get(type), id);
    if (f < 0) {
      return List.of();
    }
    List<Result> results = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).target() == type) {
        results.add(result(r, f));
      }
    }
    return results;
  }

  /** The number of results of each outcome of the rule at {@code rule} in {@link #rules()}, indexed by {@link Outcome#ordinal()}. */
  public long[] outcomeCounts(int rule) {
    long[] counts = new long[OUTCOMES.length];
    for (byte outcome : outcomes[rule]) {
      counts[outcome]++;
    }
    return counts;
  }

  /** Counts by outcome, severity and category, in one pass over the outcome bytes. */
  public void count(Map<Outcome, Long> total, Map<Severity, Map<Outcome, Long>> bySeverity,
      Map<Category, Map<Outcome, Long>> byCategory, java.util.function.Supplier<Map<Outcome, Long>> zero) {
    for (int r = 0; r < rules.size(); r++) {
      long[] counts = new long[OUTCOMES.length];
      for (byte outcome : outcomes[r]) {
        counts[outcome]++;
      }
      for (Outcome outcome : OUTCOMES) {
        total.merge(outcome, counts[outcome.ordinal()], Long::sum);
      }
      if (outcomes[r].length == 0) {
        continue; // only severities and categories with results are counted
      }
      Rule rule = rules.get(r);
      Map<Outcome, Long> severity = bySeverity.computeIfAbsent(rule.severity(), s -> zero.get());
      Map<Outcome, Long> category = byCategory.computeIfAbsent(rule.category(), c -> zero.get());
      for (Outcome outcome : OUTCOMES) {
        severity.merge(outcome, counts[outcome.ordinal()], Long::sum);
        category.merge(outcome, counts[outcome.ordinal()], Long::sum);
      }
    }
  }

  /** This table with every finding passed through {@code change}, which must keep its rule, fact and outcome. */
  public ResultTable withFindings(UnaryOperator<Result> change) {
    Result[][] changed = new Result[findings.length][];
    for (int r = 0; r < findings.length; r++) {
      changed[r] = new Result[findings[r].length];
      for (int i = 0; i < findings[r].length; i++) {
        changed[r][i] = change.apply(findings[r][i]);
      }
    }
    return new ResultTable(rules, ids, outcomes, findingIndexes, changed);
  }

  /**
   * This table with every result of the facts {@code unreadable} gives a reason for turned UNKNOWN
   * with that reason (an ERROR stays): facts that stand in for records a source could not read, of
   * which only the id is known, so that no rule passes, fails or skips them on values nobody read.
   */
  public ResultTable withUnreadableFacts(BiFunction<FactType, String, @Nullable String> unreadable) {
    Map<FactType, Map<Integer, String>> standIns = new EnumMap<>(FactType.class);
    ids.forEach((type, typeIds) -> {
      for (int f = 0; f < typeIds.length; f++) {
        String why = unreadable.apply(type, typeIds[f]);
        if (why != null) {
          standIns.computeIfAbsent(type, t -> new TreeMap<>()).put(f, why);
        }
      }
    });
    if (standIns.isEmpty()) {
      return this;
    }
    byte[][] changedOutcomes = outcomes.clone();
    int[][] changedIndexes = findingIndexes.clone();
    Result[][] changedFindings = findings.clone();
    byte unknown = (byte) Outcome.UNKNOWN.ordinal();
    for (int r = 0; r < rules.size(); r++) {
      FactType target = rules.get(r).target();
      Map<Integer, String> ofTarget = standIns.get(target);
      if (ofTarget == null) {
        continue;
      }
      TreeMap<Integer, Result> merged = new TreeMap<>();
      for (int i = 0; i < findingIndexes[r].length; i++) {
        merged.put(findingIndexes[r][i], findings[r][i]);
      }
      byte[] ruleOutcomes = outcomes[r].clone();
      for (Map.Entry<Integer, String> standIn : ofTarget.entrySet()) {
        int f = standIn.getKey();
        if (OUTCOMES[ruleOutcomes[f]] != Outcome.ERROR) {
          ruleOutcomes[f] = unknown;
          merged.put(f, unreadable(r, target, ids.get(target)[f], standIn.getValue()));
        }
      }
      changedOutcomes[r] = ruleOutcomes;
      changedIndexes[r] = merged.keySet().stream().mapToInt(Integer::intValue).toArray();
      changedFindings[r] = merged.values().toArray(Result[]::new);
    }
    return new ResultTable(rules, ids, changedOutcomes, changedIndexes, changedFindings);
  }

  /**
   * The result of rule {@code r} for a fact that stands in for a record its source could not read:
   * UNKNOWN, whatever its empty fields would make of it, with the reason.
   */
  static Result unreadable(int r, FactType type, String id, String why) {
    return new Result(r, type, id, new Judgement(Outcome.UNKNOWN,
        type.wireName() + " '" + id + "' could not be read, so no rule can judge it: " + why, List.of()));
  }

  private Result result(int r, int f) {
    Rule rule = rules.get(r);
    Outcome outcome = OUTCOMES[outcomes[r][f]];
    String id = ids.get(rule.target())[f];
    return switch (outcome) {
      case PASS -> new Result(r, rule.target(), id, passes[r]);
      case NOT_APPLICABLE -> new Result(r, rule.target(), id, NOT_APPLICABLE);
      default -> findings[r][Arrays.binarySearch(findingIndexes[r], f)];
    };
  }

  /** Collects results; not thread-safe. */
  static final class Builder {

    private final List<Rule> rules;
    private final Map<FactType, String[]> ids;
    private final byte[][] outcomes;
    private final List<Map<Integer, Result>> findings = new ArrayList<>();
    private final Map<FactType, Map<String, Integer>> indexes = new EnumMap<>(FactType.class);
    private static final int INDEXED = 4096;

    Builder(List<Rule> rules, Map<FactType, String[]> sortedIds) {
      this.rules = List.copyOf(rules);
      this.ids = sortedIds;
      this.outcomes = new byte[rules.size()][];
      byte pass = (byte) Outcome.PASS.ordinal();
      for (int r = 0; r < rules.size(); r++) {
        outcomes[r] = new byte[sortedIds.get(rules.get(r).target()).length];
        if (pass != 0) {
          Arrays.fill(outcomes[r], pass);
        }
        findings.add(new java.util.HashMap<>());
      }
    }

    /**
     * Records a non-passing result of rule {@code r}; results not recorded pass.
     *
     * @throws IllegalArgumentException if the fact is not one of the table's
     */
    void record(Result result) {
      int r = result.rule();
      int f = indexOf(result.factType(), result.factId());
      if (f < 0) {
        throw new IllegalArgumentException(result.factType().wireName() + " '" + result.factId() + "' is not evaluated");
      }
      outcomes[r][f] = (byte) result.outcome().ordinal();
      Map<Integer, Result> ofRule = findings.get(r);
      if (result.isFinding()) {
        ofRule.put(f, result);
      } else if (!ofRule.isEmpty()) {
        ofRule.remove(f);
      }
    }

    /** Records that rule {@code r} does not apply to a fact of its target type. */
    void recordNotApplicable(int r, String factId) {
      int f = indexOf(rules.get(r).target(), factId);
      if (f < 0) {
        throw new IllegalArgumentException(rules.get(r).target().wireName() + " '" + factId + "' is not evaluated");
      }
      outcomes[r][f] = (byte) Outcome.NOT_APPLICABLE.ordinal();
      Map<Integer, Result> ofRule = findings.get(r);
      if (!ofRule.isEmpty()) {
        ofRule.remove(f);
      }
    }

    // a large evaluation records millions of results: a hash index beats a binary search of the ids
    private int indexOf(FactType type, String id) {
      String[] sorted = ids.get(type);
      if (sorted.length < INDEXED) {
        return Arrays.binarySearch(sorted, id);
      }
      Map<String, Integer> index = indexes.computeIfAbsent(type, t -> {
        Map<String, Integer> byId = new java.util.HashMap<>(sorted.length * 4 / 3 + 1);
        for (int i = 0; i < sorted.length; i++) {
          byId.put(sorted[i], i);
        }
        return byId;
      });
      Integer f = index.get(id);
      return f == null ? -1 : f;
    }

    ResultTable build() {
      int[][] indexes = new int[rules.size()][];
      Result[][] results = new Result[rules.size()][];
      for (int r = 0; r < rules.size(); r++) {
        Map<Integer, Result> ofRule = findings.get(r);
        indexes[r] = ofRule.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        results[r] = new Result[indexes[r].length];
        for (int i = 0; i < indexes[r].length; i++) {
          results[r][i] = ofRule.get(indexes[r][i]);
        }
      }
      return new ResultTable(rules, ids, outcomes, indexes, results);
    }
  }

  /** The results in report order, each made when read. */
  private final class AllResults extends AbstractList<Result> implements RandomAccess {

    @Override
    public Result get(int index) {
      if (index < 0 || index >= size()) {
        throw new IndexOutOfBoundsException(index);
      }
      int r = Arrays.binarySearch(offsets, index);
      // the rule whose range holds the index: the last offset at or below it (empty rules share offsets)
      if (r < 0) {
        r = -r - 2;
      } else {
        while (r + 1 < offsets.length && offsets[r + 1] == index) {
          r++;
        }
      }
      return result(r, (int) (index - offsets[r]));
    }

    @Override
    public int size() {
      return (int) Math.min(Integer.MAX_VALUE, offsets[rules.size()]);
    }
  }
}
