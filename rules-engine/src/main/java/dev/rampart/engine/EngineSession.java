package dev.rampart.engine;

import dev.rampart.engine.internal.runtime.DroolsSession;
import dev.rampart.engine.internal.runtime.Result;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The incremental session the engine opens: the runtime's session, its results mapped to the API's. */
final class EngineSession implements ComplianceSession {

  private final DroolsSession session;
  private final List<Report.PackInfo> packs;
  private final List<Rule> rules;
  private final Clock clock;
  private boolean closed;

  EngineSession(DroolsSession session, List<Report.PackInfo> packs, List<Rule> rules, Clock clock) {
    this.session = session;
    this.packs = packs;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public void insert(Fact fact) {
    open().insert(Objects.requireNonNull(fact, "fact"));
  }

  @Override
  public void update(Fact fact) {
    open().update(Objects.requireNonNull(fact, "fact"));
  }

  @Override
  public void put(Fact fact) {
    open().put(Objects.requireNonNull(fact, "fact"));
  }

  @Override
  public boolean remove(FactType type, String id) {
    return open().remove(Objects.requireNonNull(type, "type"), Objects.requireNonNull(id, "id"));
  }

  @Override
  public void advanceClock(Instant now) {
    open().advanceClock(Objects.requireNonNull(now, "now"));
  }

  @Override
  public void advanceClock() {
    advanceClock(clock.instant());
  }

  @Override
  public Report report() {
    DroolsSession open = open();
    Map<EvaluationStatistics.Phase, Duration> phases = new EnumMap<>(EvaluationStatistics.Phase.class);
    long started = System.nanoTime();
    open.settle();
    ComplianceEngine.lap(phases, EvaluationStatistics.Phase.EVALUATE_RULES, started);
    return new Report(packs, open.now(), open.results(), rules, phases);
  }

  @Override
  public List<RuleResult> resultsFor(FactType type, String id) {
    List<Result> results = open().resultsFor(type, id);
    return results.stream().map(result -> Boundary.result(result, rules)).toList();
  }

  @Override
  public int size() {
    return open().size();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
    }
  }

  private DroolsSession open() {
    if (closed) {
      throw new IllegalStateException("the session is closed; open another with ComplianceEngine.openSession()");
    }
    return session;
  }
}
