package dev.rampart.engine;

import dev.rampart.engine.internal.runtime.DroolsSession;
import dev.rampart.engine.internal.runtime.Result;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The incremental session the engine opens: the runtime's session, its results mapped to the API's. */
final class EngineSession implements ComplianceSession {

  private final DroolsSession session;
  private final List<Report.PackInfo> packs;
  private final List<Rule> rules;
  private final Instant now;

  EngineSession(DroolsSession session, List<Report.PackInfo> packs, List<Rule> rules, Instant now) {
    this.session = session;
    this.packs = packs;
    this.rules = rules;
    this.now = now;
  }

  @Override
  public void insert(Fact fact) {
    session.insert(Objects.requireNonNull(fact, "fact"));
  }

  @Override
  public void update(Fact fact) {
    session.update(Objects.requireNonNull(fact, "fact"));
  }

  @Override
  public void put(Fact fact) {
    session.put(Objects.requireNonNull(fact, "fact"));
  }

  @Override
  public boolean remove(FactType type, String id) {
    return session.remove(type, id);
  }

  @Override
  public Report report() {
    return new Report(packs, now, session.results(), rules);
  }

  @Override
  public List<RuleResult> resultsFor(FactType type, String id) {
    List<Result> results = session.resultsFor(type, id);
    return results.stream().map(result -> Boundary.result(result, rules)).toList();
  }

  @Override
  public int size() {
    return session.size();
  }

  @Override
  public void close() {
    session.close();
  }
}
