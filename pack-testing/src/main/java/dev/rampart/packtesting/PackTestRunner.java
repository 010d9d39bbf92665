package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Parameter;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Rule;
import dev.rampart.sources.FactKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

  /**
   * Tests a loaded pack with the fixtures beside it; a pack that extends another is tested with its
   * bases' fixtures too. Those run against this pack, with its parameters; the cases of rules it
   * disabled are skipped, and a case of its own fixtures replaces a base's case of the same rule and
   * fact id.
   */
  public static PackTestResult run(LocatedPack located) {
    RulePack pack = located.pack();
    List<LocatedPack> chain = located.chain();
    Map<String, Disabling> disabled = disabled(chain);
    List<String> problems = new ArrayList<>();
    List<Fixture> fixtures = new ArrayList<>();
    FixtureFiles own = null;
    int fileCount = 0;
    for (LocatedPack level : chain) {
      FixtureFiles files = FixtureFiles.of(level);
      boolean inherited = level != located;
      if (!inherited) {
        own = files;
      }
      // a base without fixtures gives none to inherit; a tailored pack may have none of its own
      if (!(files.absent() && (inherited || chain.size() > 1))) {
        problems.addAll(files.problems());
      }
      fileCount += files.files().size();
      for (FixtureFile file : files.files()) {
        Fixture fixture = FixtureReader.read(file, pack, disabled, inherited ? level : null, problems);
        if (fixture != null) {
          fixtures.add(fixture);
        }
      }
    }
    if (fileCount == 0 && problems.isEmpty()) {
      problems.addAll(own.problems());
    }
    Overrides overrides = Overrides.apply(fixtures);
    Map<Fixture, ComplianceEngine> engines = engines(pack, overrides.fixtures(), problems);
    if (!problems.isEmpty()) {
      return PackTestResult.inputError(pack.id(), pack, problems);
    }
    RuleTexts texts = RuleTexts.of(chain.stream().map(LocatedPack::text).toList());
    List<TestCase> cases = new ArrayList<>();
    List<SkippedCase> skipped = new ArrayList<>();
    for (Fixture fixture : overrides.fixtures()) {
      cases.addAll(evaluate(fixture, engines.get(fixture), texts));
      for (Expectation expectation : fixture.skipped()) {
        Disabling disabling = disabled.get(expectation.ruleId());
        skipped.add(new SkippedCase(fixture.file(), expectation, disabling.rule(), disabling.packId()));
      }
    }
    Set<String> unknownPossible = UnknownOutcomes.possible(texts, pack.rules().stream().map(Rule::id).toList());
    String folder = own.absent() ? "" : own.folder();
    return PackTestResult.ran(pack, folder, fileCount, cases, skipped, overrides.replaced(),
        Coverage.of(pack, cases, unknownPossible));
  }

  /** Every rule the pack does not evaluate because it or a base disabled it, with the pack that did. */
  private static Map<String, Disabling> disabled(List<LocatedPack> chain) {
    Map<String, Disabling> disabled = new HashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      // from the top of the chain down: a rule is disabled by the first pack that lists it
      for (DisabledRule rule : chain.get(i).pack().disabledRules()) {
        disabled.putIfAbsent(rule.ruleId(), new Disabling(rule, chain.get(i).pack().id()));
      }
    }
    return disabled;
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

  private static List<TestCase> evaluate(Fixture fixture, ComplianceEngine engine, RuleTexts texts) {
    Map<List<Object>, RuleResult> results = results(engine, fixture);
    Map<String, String> parameters = new LinkedHashMap<>();
    fixture.parameters().forEach((name, setting) -> parameters.put(name, setting.value()));
    RulePack pack = engine.packs().get(0);
    Map<List<Object>, RuleResult> baseResults = null;
    List<TestCase> cases = new ArrayList<>();
    for (Expectation expectation : fixture.expectations()) {
      Rule rule = pack.rule(expectation.ruleId()).orElseThrow();
      List<Object> key = List.of(rule.id(), rule.target(), expectation.factId());
      RuleResult actual = results.get(key);
      if (actual == null) {
        throw new IllegalStateException("the engine gave no result for rule " + rule.id() + " and "
            + rule.target().wireName() + " '" + expectation.factId() + "'");
      }
      Inheritance inheritance = null;
      if (fixture.from() != null) {
        RulePack base = fixture.from().pack();
        Outcome baseOutcome = null;
        if (actual.outcome() != expectation.expected()) {
          // the rule is the base's own, so where the base gives the expected outcome, a parameter made the difference
          if (baseResults == null) {
            ComplianceEngine baseEngine = build(base, fixture, new ArrayList<>());
            baseResults = baseEngine == null ? Map.of() : results(baseEngine, fixture);
          }
          RuleResult baseResult = baseResults.get(key);
          baseOutcome = baseResult == null ? null : baseResult.outcome();
        }
        inheritance = new Inheritance(base.id(), baseOutcome, changes(pack, base, fixture, texts, rule.id()));
      }
      cases.add(new TestCase(fixture.file(), expectation, actual,
          fixture.origins().get(new FactKey(rule.target(), expectation.factId())), fixture.now(), parameters,
          inheritance));
    }
    return cases;
  }

  private static Map<List<Object>, RuleResult> results(ComplianceEngine engine, Fixture fixture) {
    Report report = engine.evaluate(fixture.facts());
    Map<List<Object>, RuleResult> results = new HashMap<>();
    for (RuleResult result : report.results()) {
      results.put(List.of(result.rule().id(), result.factType(), result.factId()), result);
    }
    return results;
  }

  /**
   * The parameters the pack gives other defaults than the base, which the fixture does not set itself
   * and the rule uses (all of them when the rule's text is not found).
   */
  private static List<Inheritance.Change> changes(RulePack pack, RulePack base, Fixture fixture, RuleTexts texts,
      String ruleId) {
    Set<String> used = texts.parameters(ruleId).orElse(null);
    List<Inheritance.Change> changes = new ArrayList<>();
    for (Parameter inBase : base.parameters()) {
      String name = inBase.name();
      if (fixture.parameters().containsKey(name) || (used != null && !used.contains(name))) {
        continue;
      }
      pack.parameters().stream().filter(p -> p.name().equals(name) && !p.defaultValue().equals(inBase.defaultValue()))
          .findFirst().ifPresent(p -> changes.add(new Inheritance.Change(name, inBase.defaultValue(), p.defaultValue())));
    }
    return changes;
  }

  /**
   * The fixtures with the cases that nearer packs replace taken out: a case of the pack's own fixtures
   * replaces every base case of the same rule and fact id, and a base's case one of a base further up.
   */
  private record Overrides(List<Fixture> fixtures, int replaced) {

    static Overrides apply(List<Fixture> fixtures) {
      Set<List<String>> claimed = new HashSet<>();
      Set<List<String>> claimedByLevel = new HashSet<>();
      LocatedPack level = null;
      boolean first = true;
      int replaced = 0;
      List<Fixture> kept = new ArrayList<>();
      // fixtures come nearest pack first, each pack's together
      for (Fixture fixture : fixtures) {
        if (first || fixture.from() != level) {
          claimed.addAll(claimedByLevel);
          claimedByLevel.clear();
          level = fixture.from();
          first = false;
        }
        List<Expectation> expectations = new ArrayList<>();
        for (Expectation expectation : fixture.expectations()) {
          List<String> key = List.of(expectation.ruleId(), expectation.factId());
          if (claimed.contains(key)) {
            replaced++;
          } else {
            expectations.add(expectation);
            claimedByLevel.add(key);
          }
        }
        if (!expectations.isEmpty() || !fixture.skipped().isEmpty()) {
          kept.add(expectations.size() == fixture.expectations().size() ? fixture : fixture.withExpectations(expectations));
        }
      }
      return new Overrides(List.copyOf(kept), replaced);
    }
  }
}
