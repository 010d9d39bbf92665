package dev.rampart.engine.properties;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.ComplianceSession;
import dev.rampart.engine.Report;
import dev.rampart.engine.properties.Harness.Row;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Property (3): a session kept up to date by inserts, updates, puts and removals reports exactly what
 * a fresh evaluation of its current facts reports: same results, messages and evidence. Truth
 * maintenance must retract every finding whose justification a change removed.
 */
class IncrementalSessionTest {

  private static final int EXAMPLES = 1000;
  private static final int MAX_CHANGES = 30;

  @Test
  void aSessionAfterAnySequenceOfChangesReportsWhatAFreshEvaluationReports() {
    Harness.qt(EXAMPLES).forAll(scripts()).checkAssert(script -> {
      ComplianceEngine engine = Harness.engine(script.rules());
      Map<String, Fact> current = new LinkedHashMap<>();
      try (ComplianceSession session = engine.openSession()) {
        for (int i = 0; i < script.changes().size(); i++) {
          Change change = script.changes().get(i);
          change.apply(session, current);
          if (change instanceof Change.Compare) {
            compare(engine, session, current, script, "after change " + (i + 1));
          }
        }
        compare(engine, session, current, script, "at the end");
      }
    });
  }

  private static void compare(
      ComplianceEngine engine, ComplianceSession session, Map<String, Fact> current, Script script, String when) {
    Report sessionReport = session.report();
    Report fresh = engine.evaluate(current.values());
    List<Row> incremental = Row.of(sessionReport.results());
    List<Row> batch = Row.of(fresh.results());
    if (!incremental.equals(batch)) {
      throw new AssertionError("the session disagrees with a fresh evaluation " + when + "\n"
          + Harness.difference("in the session", incremental, "in a fresh evaluation", batch) + script);
    }
    if (!sessionReport.coverage().equals(fresh.coverage())) {
      throw new AssertionError("the session's coverage disagrees with a fresh evaluation's " + when + "\n"
          + sessionReport.coverage() + "\n" + fresh.coverage() + script);
    }
    for (Fact fact : current.values()) {
      List<Row> forFact = Row.of(session.resultsFor(fact.type(), fact.id()));
      List<Row> expected = batch.stream().filter(r -> r.factType() == fact.type() && r.factId().equals(fact.id())).toList();
      if (!forFact.equals(expected)) {
        throw new AssertionError("resultsFor(" + fact.type().wireName() + ", " + fact.id() + ") disagrees with a fresh evaluation "
            + when + "\n" + Harness.difference("in resultsFor", forFact, "in a fresh evaluation", expected) + script);
      }
    }
    if (session.size() != current.size()) {
      throw new AssertionError("the session holds " + session.size() + " facts, not " + current.size() + " " + when + script);
    }
  }

  /** Random rules and a random valid sequence of changes over small pools of ids, so ids recur. */
  private static Gen<Script> scripts() {
    return source -> {
      Draw draw = new Draw(source);
      List<GeneratedRule> rules = Generators.rules(draw, draw.between(1, 4));
      Map<String, Fact> present = new LinkedHashMap<>();
      List<Change> changes = new ArrayList<>();
      int count = draw.between(1, MAX_CHANGES);
      for (int i = 0; i < count; i++) {
        if (draw.oneIn(6)) {
          changes.add(new Change.Compare());
          continue;
        }
        Fact fact = switch (draw.pick(FactType.DEVICE, FactType.DEVICE, FactType.DEVICE, FactType.NETWORK, FactType.VENDOR)) {
          case NETWORK -> Generators.network(draw, draw.pick("n1", "n2", "n3"));
          case VENDOR -> Generators.vendor(draw, draw.pick("v1", "v2"));
          default -> Generators.device(draw, draw.pick("d1", "d2", "d3", "d4"));
        };
        String key = key(fact.type(), fact.id());
        Change change;
        if (present.containsKey(key)) {
          change = switch (draw.between(0, 2)) {
            case 0 -> new Change.Update(fact);
            case 1 -> new Change.Put(fact);
            default -> new Change.Remove(fact.type(), fact.id(), true);
          };
        } else {
          change = switch (draw.between(0, 4)) {
            case 0, 1 -> new Change.Insert(fact);
            case 2, 3 -> new Change.Put(fact);
            default -> new Change.Remove(fact.type(), fact.id(), false);
          };
        }
        change.apply(null, present);
        changes.add(change);
      }
      return new Script(rules, changes);
    };
  }

  static String key(FactType type, String id) {
    return type.wireName() + " " + id;
  }

  /** One step of a script; applying it to a {@code null} session only updates the expected facts. */
  sealed interface Change {

    void apply(ComplianceSession session, Map<String, Fact> current);

    record Insert(Fact fact) implements Change {
      @Override
      public void apply(ComplianceSession session, Map<String, Fact> current) {
        if (session != null) {
          session.insert(fact);
        }
        current.put(key(fact.type(), fact.id()), fact);
      }

      @Override
      public String toString() {
        return "insert " + FactText.describe(fact);
      }
    }

    record Update(Fact fact) implements Change {
      @Override
      public void apply(ComplianceSession session, Map<String, Fact> current) {
        if (session != null) {
          session.update(fact);
        }
        current.put(key(fact.type(), fact.id()), fact);
      }

      @Override
      public String toString() {
        return "update " + FactText.describe(fact);
      }
    }

    record Put(Fact fact) implements Change {
      @Override
      public void apply(ComplianceSession session, Map<String, Fact> current) {
        if (session != null) {
          session.put(fact);
        }
        current.put(key(fact.type(), fact.id()), fact);
      }

      @Override
      public String toString() {
        return "put " + FactText.describe(fact);
      }
    }

    /** Removes a fact; {@code present} is what {@code remove} must answer. */
    record Remove(FactType type, String id, boolean present) implements Change {
      @Override
      public void apply(ComplianceSession session, Map<String, Fact> current) {
        if (session != null && session.remove(type, id) != present) {
          throw new AssertionError("remove(" + type.wireName() + ", " + id + ") must return " + present);
        }
        current.remove(key(type, id));
      }

      @Override
      public String toString() {
        return "remove " + key(type, id) + (present ? "" : " (not present)");
      }
    }

    /** Compares the session with a fresh evaluation at this point, which also fires its rules. */
    record Compare() implements Change {
      @Override
      public void apply(ComplianceSession session, Map<String, Fact> current) {}

      @Override
      public String toString() {
        return "compare";
      }
    }
  }

  /** Rules and the changes made to a session evaluating them. */
  record Script(List<GeneratedRule> rules, List<Change> changes) {

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("\n--- pack ---\n").append(GeneratedRule.packYaml(rules)).append("--- changes ---\n");
      for (int i = 0; i < changes.size(); i++) {
        text.append("  ").append(i + 1).append(". ").append(changes.get(i)).append('\n');
      }
      return text.toString();
    }
  }
}
