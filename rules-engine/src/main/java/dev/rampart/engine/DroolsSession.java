package dev.rampart.engine;

import dev.rampart.engine.internal.drools.Finding;
import dev.rampart.engine.internal.drools.FindingSink;
import dev.rampart.engine.internal.drools.RuleBase;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.value.Outcome;
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
 * A session over one Drools KieSession. Facts are Drools facts; non-passing results are
 * {@link Finding}s that Drools' truth maintenance inserts and retracts; this class only mirrors
 * them into a map and fills in PASS for every (rule, fact) pair without a finding.
 */
final class DroolsSession implements ComplianceSession {

  private final RuleBase rules;
  private final KieSession kie;
  private final Instant now;
  private final List<Report.PackInfo> packs;
  private final Map<FactType, TreeMap<String, Entry>> facts = new EnumMap<>(FactType.class);
  private final Map<FactType, Map<String, Map<Integer, Finding>>> findings = new EnumMap<>(FactType.class);
  private final List<Rule> ruleList;
  private boolean dirty;

  DroolsSession(RuleBase rules, Instant now, List<Report.PackInfo> packs) {
    this.rules = rules;
    this.now = now;
    this.packs = packs;
    this.kie = rules.newSession(now, FindingSink.TRUTH_MAINTAINED);
    this.ruleList = rules.programs().stream().map(RuleProgram::rule).toList();
    for (FactType type : FactType.values()) {
      facts.put(type, new TreeMap<>());
      findings.put(type, new HashMap<>());
    }
    kie.addEventListener(new FindingMirror());
  }

  @Override
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

  @Override
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

  @Override
  public void put(Fact fact) {
    if (facts.get(fact.type()).containsKey(fact.id())) {
      update(fact);
    } else {
      insert(fact);
    }
  }

  @Override
  public boolean remove(FactType type, String id) {
    Entry entry = facts.get(type).remove(id);
    if (entry == null) {
      return false;
    }
    kie.delete(entry.handle);
    dirty = true;
    return true;
  }

  @Override
  public Report report() {
    settle();
    Map<FactType, Iterable<String>> ids = new EnumMap<>(FactType.class);
    facts.forEach((type, ofType) -> ids.put(type, ofType.keySet()));
    ResultTable.Builder table = new ResultTable.Builder(ruleList, ResultTable.sortedIds(ids));
    findings.forEach((type, ofType) -> ofType.forEach((id, ofFact) ->
        ofFact.forEach((rule, finding) -> table.record(rule, finding.result()))));
    return new Report(packs, now, table.build());
  }

  @Override
  public List<RuleResult> resultsFor(FactType type, String id) {
    settle();
    if (!facts.get(type).containsKey(id)) {
      return List.of();
    }
    List<RuleResult> results = new ArrayList<>();
    List<RuleProgram> programs = rules.programs();
    Map<Integer, Finding> ofFact = findings.get(type).get(id);
    for (int i = 0; i < programs.size(); i++) {
      Rule rule = programs.get(i).rule();
      if (rule.target() == type) {
        results.add(resultOf(i, rule, id, ofFact));
      }
    }
    return List.copyOf(results);
  }

  @Override
  public int size() {
    return facts.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public void close() {
    kie.dispose();
  }

  void settle() {
    if (dirty) {
      kie.fireAllRules();
      dirty = false;
    }
  }

  private static RuleResult resultOf(int index, Rule rule, String id, Map<Integer, Finding> ofFact) {
    Finding finding = ofFact == null ? null : ofFact.get(index);
    return finding != null ? ResultTable.asReported(finding.result())
        : new RuleResult(rule, rule.target(), id, Outcome.PASS, rule.title(), List.of());
  }

  private record Entry(FactHandle handle, Fact fact) {}

  /** Mirrors the findings that truth maintenance inserts and retracts. */
  private final class FindingMirror implements RuleRuntimeEventListener {

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getObject() instanceof Finding finding) {
        RuleResult result = finding.result();
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
        RuleResult result = finding.result();
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
