package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Rule;
import dev.rampart.sources.FactKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Tests a rule pack against the fixture files beside it: evaluates each file's facts with the pack,
 * compares every expected outcome with the actual one, and computes coverage. Every input is checked
 * before anything is evaluated, and every mistake found is reported.
 *
 * <pre>{@code
 * PackTestResult result = PackTestRunner.run("iot-baseline");
 * PackTestReport.write(result, out);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PackTestRunner {

  private PackTestRunner() {}

  /** Tests a built-in pack (by id) or a pack file (by path), with the fixtures in its {@code tests/} folder. */
  public static PackTestResult run(String idOrPath) {
    LocatedPack located;
    try {
      located = LocatedPack.load(idOrPath);
    } catch (PackLoadException e) {
      return PackTestResult.inputError(idOrPath, null, List.of(e.getMessage()));
    }
    return run(located);
  }

  /** Tests a loaded pack with the fixtures beside it. */
  public static PackTestResult run(LocatedPack located) {
    RulePack pack = located.pack();
    FixtureFiles files = FixtureFiles.of(located);
    List<String> problems = new ArrayList<>(files.problems());
    List<Fixture> fixtures = new ArrayList<>();
    for (FixtureFile file : files.files()) {
      Fixture fixture = FixtureReader.read(file, pack, problems);
      if (fixture != null) {
        fixtures.add(fixture);
      }
    }
    Map<Fixture, ComplianceEngine> engines = engines(pack, fixtures, problems);
    if (!problems.isEmpty()) {
      return PackTestResult.inputError(pack.id(), pack, problems);
    }
    List<TestCase> cases = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      cases.addAll(evaluate(fixture, engines.get(fixture)));
    }
    Set<String> unknownPossible = UnknownOutcomes.possible(located.text(), pack.rules().stream().map(Rule::id).toList());
    return PackTestResult.ran(pack, files.folder(), files.files().size(), cases, Coverage.of(pack, cases, unknownPossible));
  }

  /** One engine per clock and parameters, shared by the fixtures that use the same. */
  private static Map<Fixture, ComplianceEngine> engines(RulePack pack, List<Fixture> fixtures, List<String> problems) {
    Map<Fixture, ComplianceEngine> engines = new IdentityHashMap<>();
    Map<List<Object>, ComplianceEngine> shared = new HashMap<>();
    for (Fixture fixture : fixtures) {
      Map<String, String> values = new HashMap<>();
      fixture.parameters().forEach((name, setting) -> values.put(name, setting.value()));
      List<Object> key = List.of(fixture.now(), values);
      ComplianceEngine engine = shared.get(key);
      if (engine == null) {
        engine = build(pack, fixture, problems);
        if (engine == null) {
          continue;
        }
        shared.put(key, engine);
      }
      engines.put(fixture, engine);
    }
    return engines;
  }

  private static @Nullable ComplianceEngine build(RulePack pack, Fixture fixture, List<String> problems) {
    ComplianceEngine.Builder builder = ComplianceEngine.builder().pack(pack).clock(clock(fixture.now()));
    fixture.parameters().forEach((name, setting) -> {
      if (setting.list() != null) {
        builder.parameter(name, setting.list());
      } else {
        builder.parameter(name, setting.value());
      }
    });
    try {
      return builder.build();
    } catch (PackLoadException e) {
      for (Problem problem : e.problems()) {
        problems.add(placeOf(problem, fixture) + ": parameters: " + problem.message()
            + (problem.suggestion() == null ? "" : " (" + problem.suggestion() + ")"));
      }
      return null;
    }
  }

  // the engine names the parameter in its message; the fixture knows where that parameter is written
  private static String placeOf(Problem problem, Fixture fixture) {
    for (Fixture.Setting setting : fixture.parameters().values()) {
      if (problem.message().contains("'" + setting.name() + "'")) {
        return setting.place();
      }
    }
    return fixture.file().name();
  }

  private static Clock clock(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private static List<TestCase> evaluate(Fixture fixture, ComplianceEngine engine) {
    Report report = engine.evaluate(fixture.facts());
    Map<List<Object>, RuleResult> results = new HashMap<>();
    for (RuleResult result : report.results()) {
      results.put(List.of(result.rule().id(), result.factType(), result.factId()), result);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    fixture.parameters().forEach((name, setting) -> parameters.put(name, setting.value()));
    List<TestCase> cases = new ArrayList<>();
    for (Expectation expectation : fixture.expectations()) {
      Rule rule = engine.packs().get(0).rule(expectation.ruleId()).orElseThrow();
      RuleResult actual = results.get(List.of(rule.id(), rule.target(), expectation.factId()));
      if (actual == null) {
        throw new IllegalStateException("the engine gave no result for rule " + rule.id() + " and "
            + rule.target().wireName() + " '" + expectation.factId() + "'");
      }
      cases.add(new TestCase(fixture.file(), expectation, actual,
          fixture.origins().get(new FactKey(rule.target(), expectation.factId())), fixture.now(), parameters));
    }
    return cases;
  }
}
