package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.engine.value.EvaluationCancelledException;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * An incremental session over one Drools KieSession. Facts are Drools facts; non-passing results
 * are {@link Finding}s that Drools' truth maintenance inserts and retracts; this class only mirrors
 * them into a map and fills in PASS for every (rule, fact) pair without a finding. Not thread-safe.
 */
public final class DroolsSession implements AutoCloseable {

  private final KieSession kie;
  private final Map<FactType, TreeMap<String, Entry>> facts = new EnumMap<>(FactType.class);
  private final Map<FactType, Map<String, Map<Integer, Finding>>> findings = new EnumMap<>(FactType.class);
  private final List<Rule> ruleList;
  private final Execution execution;
  private final FactHandle time;
  private final Consumer<FindingChange> changes;
  /**
   * The findings as they were before the changes not yet settled, by the results they touched. A new
   * map after each settle: the first settle of a fleet touches millions of results, and a map
   * cleared keeps its table, which every later settle of one device's change would then walk.
   */
  private Map<ResultKey, Optional<Result>> touched = new HashMap<>();
  private Instant now;
  private boolean dirty;

  DroolsSession(RuleBases rules, Instant now, Execution execution, Consumer<FindingChange> changes) {
    this.changes = Objects.requireNonNull(changes, "changes");
    this.kie = rules.maintained().newSession(SessionContext.evaluating(FindingSink.TRUTH_MAINTAINED));
    this.time = kie.insert(new EvaluationTime(now));
    this.now = now;
    this.ruleList = rules.rules();
    this.execution = execution;
    for (FactType type : FactType.values()) {
      facts.put(type, new TreeMap<>());
      findings.put(type, new HashMap<>());
    }
    kie.addEventListener(new FindingMirror());
  }

  /** Adds a fact; see the API's session for the contract. */
  public void insert(Fact fact) {
    Objects.requireNonNull(fact, "fact");
    TreeMap<String, Entry> ofType = facts.get(fact.type());
    if (ofType.containsKey(fact.id())) {
      throw new IllegalArgumentException(fact.type().wireName() + " '" + fact.id()
          + "' is already in the session; use update() or put() to replace it");
    }
    if (size() >= execution.maxFacts()) {
      throw new IllegalStateException("cannot insert " + fact.type().wireName() + " '" + fact.id() + "': the session"
          + " holds " + size() + " facts, the engine's fact limit (maxFacts); remove facts first, or build the engine"
          + " with a higher maxFacts");
    }
    ofType.put(fact.id(), new Entry(kie.insert(fact), fact));
    dirty = true;
  }

  public void update(Fact fact) {
    Objects.requireNonNull(fact, "fact");
    Entry entry = facts.get(fact.type()).get(fact.id());
    if (entry == null) {
      throw new IllegalArgumentException(fact.type().wireName() + " '" + fact.id()
          + "' is not in the session; use insert() or put() to add it");
    }
    kie.update(entry.handle, fact);
    facts.get(fact.type()).put(fact.id(), new Entry(entry.handle, fact));
    dirty = true;
  }

  public void put(Fact fact) {
    if (facts.get(fact.type()).containsKey(fact.id())) {
      update(fact);
    } else {
      insert(fact);
    }
  }

  public boolean remove(FactType type, String id) {
    Entry entry = facts.get(type).remove(id);
    if (entry == null) {
      return false;
    }
    kie.delete(entry.handle);
    dirty = true;
    return true;
  }

  /** The current results of every rule for every fact. */
  public ResultTable results() {
    settle();
    Map<FactType, Iterable<String>> ids = new EnumMap<>(FactType.class);
    facts.forEach((type, ofType) -> ids.put(type, ofType.keySet()));
    ResultTable.Builder table = new ResultTable.Builder(ruleList, ResultTable.sortedIds(ids));
    findings.forEach((type, ofType) -> ofType.forEach((id, ofFact) ->
        ofFact.forEach((rule, finding) -> table.record(finding.result()))));
    return table.build();
  }

  /** The current results for one fact, one per rule of its type; none when the fact is not in the session. */
  public List<Result> resultsFor(FactType type, String id) {
    settle();
    if (!facts.get(type).containsKey(id)) {
      return List.of();
    }
    List<Result> results = new ArrayList<>();
    Map<Integer, Finding> ofFact = findings.get(type).get(id);
    for (int i = 0; i < ruleList.size(); i++) {
      Rule rule = ruleList.get(i);
      if (rule.target() == type) {
        results.add(resultOf(i, rule, id, ofFact));
      }
    }
    return List.copyOf(results);
  }

  /** The time durations are measured against now. */
  public Instant now() {
    return now;
  }

  /**
   * Measures durations against a later time from now on: the rules that read the time are judged
   * again for every fact when the results are next asked for.
   *
   * @throws IllegalArgumentException if the time is before the session's
   */
  public void advanceClock(Instant later) {
    Objects.requireNonNull(later, "later");
    if (later.isBefore(now)) {
      throw new IllegalArgumentException("the session's clock cannot go back: it is at " + now + ", not " + later);
    }
    if (!later.equals(now)) {
      kie.update(time, new EvaluationTime(later));
      now = later;
      dirty = true;
    }
  }

  public int size() {
    return facts.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public void close() {
    kie.dispose();
  }

  /**
   * Brings every result up to date with the changes made, within the engine's time limit.
   *
   * @throws EvaluationCancelledException if the thread was interrupted, or the time limit passed;
   *     the results are then brought up to date by the next call
   */
  public void settle() {
    if (!dirty) {
      return;
    }
    EvaluationTasks tasks = new EvaluationTasks(execution.executor(), EvaluationTasks.deadline(execution.timeLimit()));
    tasks.runHere(() -> {
      RuleBase.fire(kie);
      return true;
    });
    if (tasks.await("the session's report") == EvaluationTasks.Stop.TIME_LIMIT) {
      throw new EvaluationCancelledException("the session's report stopped at the time limit of "
          + execution.timeLimit() + " before its results were up to date; call report() again to go on, or build the"
          + " engine with a longer timeLimit");
    }
    dirty = false;
    announceChanges();
  }

  /** Tells the listener of the findings that appeared, changed or went away since the last settle, in result order. */
  private void announceChanges() {
    if (touched.isEmpty()) {
      return;
    }
    List<ResultKey> keys = new ArrayList<>(touched.keySet());
    keys.sort(ResultKey.ORDER);
    List<FindingChange> found = new ArrayList<>();
    for (ResultKey key : keys) {
      Result before = touched.get(key).filter(Result::isFinding).orElse(null);
      Map<Integer, Finding> ofFact = findings.get(key.type()).get(key.id());
      Finding now = ofFact == null ? null : ofFact.get(key.rule());
      Result after = now == null || !now.result().isFinding() ? null : now.result();
      if (!Objects.equals(before, after)) {
        found.add(new FindingChange(before, after));
      }
    }
    touched = new HashMap<>();
    found.forEach(changes);
  }

  /** Notes what a result was before its first change since the last settle. */
  private void touch(Result result) {
    ResultKey key = new ResultKey(result.rule(), result.factType(), result.factId());
    if (!touched.containsKey(key)) {
      Map<Integer, Finding> ofFact = findings.get(result.factType()).get(result.factId());
      Finding before = ofFact == null ? null : ofFact.get(result.rule());
      touched.put(key, Optional.ofNullable(before == null ? null : before.result()));
    }
  }

  /** What identifies a result in the session. */
  private record ResultKey(int rule, FactType type, String id) {

    static final Comparator<ResultKey> ORDER = Comparator.comparingInt(ResultKey::rule)
        .thenComparing(ResultKey::type).thenComparing(ResultKey::id);
  }

  private static Result resultOf(int index, Rule rule, String id, Map<Integer, Finding> ofFact) {
    Finding finding = ofFact == null ? null : ofFact.get(index);
    return finding != null ? finding.result()
        : new Result(index, rule.target(), id, new Judgement(Outcome.PASS, rule.title(), List.of()));
  }

  private record Entry(FactHandle handle, Fact fact) {}

  /** Mirrors the findings that truth maintenance inserts and retracts. */
  private final class FindingMirror implements RuleRuntimeEventListener {

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getObject() instanceof Finding finding) {
        Result result = finding.result();
        touch(result);
        findings.get(result.factType()).computeIfAbsent(result.factId(), id -> new HashMap<>()).put(finding.rule(), finding);
      }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
      // findings are never modified in place: a changed result is a retraction and an insertion
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      if (event.getOldObject() instanceof Finding finding) {
        Result result = finding.result();
        Map<Integer, Finding> ofFact = findings.get(result.factType()).get(result.factId());
        if (ofFact != null && ofFact.get(finding.rule()) == finding) {
          touch(result);
          ofFact.remove(finding.rule());
          if (ofFact.isEmpty()) {
            findings.get(result.factType()).remove(result.factId());
          }
        }
      }
    }
  }
}
