package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
  private boolean dirty;

  DroolsSession(RuleBases rules, Instant now) {
    this.kie = rules.maintained().newSession(now, SessionContext.evaluating(FindingSink.TRUTH_MAINTAINED));
    this.ruleList = rules.rules();
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

  public int size() {
    return facts.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public void close() {
    kie.dispose();
  }

  /** Brings every result up to date with the changes made. */
  public void settle() {
    if (dirty) {
      kie.fireAllRules();
      dirty = false;
    }
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
          ofFact.remove(finding.rule());
          if (ofFact.isEmpty()) {
            findings.get(result.factType()).remove(result.factId());
          }
        }
      }
    }
  }
}
