package dev.rampart.engine.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Parameter;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.ParameterType;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tailoring: a pack that {@code extends} a base, disables some of its rules with a reason,
 * overrides parameter defaults and adds rules, and becomes one pack. The base packs are test
 * resources: {@code dev/rampart/packs/test-baseline} stands in for a built-in pack (rampart-rule-packs
 * is not on this module's classpath), and {@code dev/rampart/engine/load/tailoring/} holds packs
 * that extend each other by path.
 */
class TailoringTest {

  private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  /** The tailoring test packs, as seen from the working directory (the module's). */
  private static final String TAILORING = "src/test/resources/dev/rampart/engine/load/tailoring/";

  private static final String SITE = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: acme-site, version: "1.0", title: ACME site policy}
      extends: test-baseline
      parameters:
        certExpiryWarning: {default: P60D}
        siteCode: {type: string, default: HBW}
      disable:
        - rule: IDN-006
          reason: "PSK by design on the legacy line; compensating control CC-12"
      rules:
        - id: ACME-001
          title: Device is labelled with the site code
          category: operations
          severity: low
          target: device
          assert: {field: attributes.site, equals: {param: siteCode}}
      """;

  // ---------------------------------------------------------------- what a tailored pack is

  @Test
  void aTailoredPackIsTheBasesRulesWithoutTheDisabledOnesThenItsOwn() throws PackLoadException {
    RulePack pack = RulePacks.parse(SITE, "site.yaml");

    assertEquals("acme-site", pack.id());
    assertEquals(Optional.of("test-baseline@1.0"), pack.base());
    assertEquals(List.of("IDN-001", "IDN-007", "IDN-013", "SEG-001", "ACME-001"),
        pack.rules().stream().map(Rule::id).toList());
    assertEquals(List.of("acme-site"), pack.rules().stream().map(Rule::packId).distinct().toList());
    assertEquals(List.of(new DisabledRule("IDN-006", "Device authenticates with a certificate",
        "PSK by design on the legacy line; compensating control CC-12")), pack.disabledRules());
    assertEquals(Optional.empty(), pack.rule("IDN-006"));
  }

  @Test
  void anOverrideKeepsTheBasesTypeAndDescriptionAndANewParameterFollowsTheBasesOnes() throws PackLoadException {
    RulePack pack = RulePacks.parse(SITE, "site.yaml");

    assertEquals(List.of(
            new Parameter("certExpiryWarning", ParameterType.DURATION, "P60D", "warn when a certificate expires within this period"),
            new Parameter("minRsaKeySize", ParameterType.INTEGER, "2048", "smallest RSA key in bits"),
            new Parameter("allowedZones", ParameterType.LIST, "[iot, ot]", "the zones a device may sit in"),
            new Parameter("siteCode", ParameterType.STRING, "HBW", "")),
        pack.parameters());
  }

  @Test
  void theOverriddenDefaultTakesEffectAndAnEngineOverrideStillAppliesOnTop() throws PackLoadException {
    RulePack pack = RulePacks.parse(SITE, "site.yaml");
    List<Fact> facts = List.of(deviceWithCertificateExpiringIn(45));

    assertEquals(Outcome.FAIL, outcome(engine(pack).build(), facts, "IDN-013"));
    assertEquals(Outcome.PASS, outcome(engine(pack).parameter("certExpiryWarning", "P30D").build(), facts, "IDN-013"));
    assertEquals(Outcome.PASS, outcome(engine(RulePacks.builtin("test-baseline")).build(), facts, "IDN-013"));
  }

  @Test
  void anEngineOverrideOfAnInheritedParameterIsReportedAtTheExtendsLine() throws PackLoadException {
    RulePack pack = RulePacks.parse(SITE, "site.yaml");

    PackLoadException e = assertThrows(PackLoadException.class,
        () -> engine(pack).parameter("minRsaKeySize", "big").build());
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: parameter 'minRsaKeySize' = 'big': must be a whole number, not 'big' (give a value of type integer that fits, e.g. the default 2048)""",
        message(e));
  }

  @Test
  void packsChainAndTheDisabledRulesOfEveryLevelAreListed() throws PackLoadException {
    RulePack pack = RulePacks.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: plant-7, version: "1.0", title: Plant 7}
        extends: src/test/resources/dev/rampart/engine/load/tailoring/middle.yaml
        parameters:
          minRsaKeySize: {default: 3072}
        disable:
          - {rule: SEG-001, reason: flat network until the 2027 re-cabling}
        """, "plant-7.yaml");

    assertEquals(Optional.of("middle@2.0"), pack.base());
    assertEquals(List.of("IDN-001", "IDN-007", "IDN-013", "MID-001"), pack.rules().stream().map(Rule::id).toList());
    assertEquals(List.of("plant-7"), pack.rules().stream().map(Rule::packId).distinct().toList());
    assertEquals(List.of("IDN-006", "SEG-001"), pack.disabledRules().stream().map(DisabledRule::ruleId).toList());
    assertEquals(Map.of("certExpiryWarning", "P60D", "minRsaKeySize", "3072", "allowedZones", "[iot, ot]"),
        pack.parameters().stream().collect(Collectors.toMap(Parameter::name, Parameter::defaultValue)));
  }

  @Test
  void aFileExtendsAPathRelativeToItsOwnDirectoryAndAChainOfFiveBasesLoads() throws PackLoadException {
    RulePack pack = RulePacks.load(Path.of(TAILORING + "deep-2.yaml"));

    assertEquals(Optional.of("deep-3@1.0"), pack.base());
    assertEquals(List.of("deep-2"), pack.rules().stream().map(Rule::packId).distinct().toList());
  }

  // ---------------------------------------------------------------- mistakes

  @Test
  void anUnknownBaseIdIsReportedWithTheClosestBuiltInPack() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: unknown base pack 'test-basline' (did you mean 'test-baseline'?)""",
        problems(SITE.replace("extends: test-baseline", "extends: test-basline")));
  }

  @Test
  void anUnknownBaseIdWithNothingCloseListsTheBuiltInPacks() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: unknown base pack 'corporate' (built-in packs: test-baseline; a pack file is named by its path, relative to the working directory)""",
        problems(SITE.replace("extends: test-baseline", "extends: corporate")));
  }

  @Test
  void theBuiltInPacksAreFoundOnTheClasspath() {
    assertEquals(List.of("test-baseline"), RulePacks.builtinIds());
  }

  @Test
  void aFileNamedLikeABuiltInIdIsExtendedByADotSlashPath(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("company"), Files.readString(Path.of(TAILORING + "middle.yaml")));
    Files.writeString(dir.resolve("site.yaml"), SITE.replace("extends: test-baseline", "extends: company"));

    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.load(dir.resolve("site.yaml")));
    assertEquals("""
        1 problem in rule pack:
        1. DIR/site.yaml:4:10: unknown base pack 'company' (a name like this is a built-in pack id; to extend the file 'company', write './company')""",
        message(e).replace(dir.toString(), "DIR"));
  }

  @Test
  void extendsNamesOnePack() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: 'extends' takes a built-in pack id or the path of a pack file, not a list (e.g. 'extends: iot-baseline')""",
        problems(SITE.replace("extends: test-baseline", "extends: [test-baseline, other]")));
  }

  @Test
  void aBaseFileThatDoesNotExistIsReportedWithWhereItWasLookedFor() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: base pack file 'common/base.yaml' does not exist (the path is relative to the working directory; looked for common/base.yaml)""",
        problems(SITE.replace("extends: test-baseline", "extends: common/base.yaml")));
  }

  // a base is read like every pack file (InputFiles): what is there instead of a file is named, not called missing
  @Test
  void aBaseThatIsADirectoryWithoutAPackOrAFifoIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
    Files.createDirectory(dir.resolve("common"));
    Files.writeString(dir.resolve("site.yaml"), SITE.replace("extends: test-baseline", "extends: ./common"));

    PackLoadException directory = assertThrows(PackLoadException.class, () -> RulePacks.load(dir.resolve("site.yaml")));

    assertEquals("""
        1 problem in rule pack:
        1. DIR/common: the pack is a directory (name the pack file itself, or a directory with a pack.yaml)""",
        message(directory).replace(dir.toString(), "DIR"));

    assumeTrue(new ProcessBuilder("mkfifo", dir.resolve("pipe.yaml").toString()).start().waitFor() == 0, "mkfifo");
    Files.writeString(dir.resolve("site.yaml"), SITE.replace("extends: test-baseline", "extends: ./pipe.yaml"));

    PackLoadException fifo = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(PackLoadException.class, () -> RulePacks.load(dir.resolve("site.yaml"))));

    assertEquals("""
        1 problem in rule pack:
        1. DIR/pipe.yaml: the pack is not a regular file: a device, FIFO or socket is never read (save the input to a file \
        and name that)""", message(fifo).replace(dir.toString(), "DIR"));
  }

  @Test
  void disablingARuleTheBaseDoesNotHaveIsReportedWithTheClosestRuleId() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:9:11: cannot disable rule 'IDN-06': base pack 'test-baseline' has no such rule (did you mean 'IDN-006'?)""",
        problems(SITE.replace("rule: IDN-006", "rule: IDN-06")));
  }

  @Test
  void disablingARuleNeedsAReason() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:9:5: disabling rule 'IDN-006' needs a 'reason' (say why the rule does not apply here, e.g. the compensating control; reports show it)""",
        problems(SITE.replace("""
                reason: "PSK by design on the legacy line; compensating control CC-12"
            """, "")));
  }

  @Test
  void aRuleIsDisabledOnce() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:11:12: rule 'IDN-006' is disabled twice (first at line 9) (remove one of the entries)""",
        problems(SITE.replace("""
            rules:
            """, """
              - {rule: IDN-006, reason: again}
            rules:
            """)));
  }

  @Test
  void aRuleThatABaseAlreadyDisabledCannotBeDisabledAgain() {
    assertEquals("""
        1 problem in rule pack:
        1. plant-7.yaml:6:12: rule 'IDN-006' is already disabled by base pack 'middle' (remove this entry)""",
        problems("""
            apiVersion: rampart.dev/v1
            kind: RulePack
            metadata: {id: plant-7, version: "1.0", title: Plant 7}
            extends: src/test/resources/dev/rampart/engine/load/tailoring/middle.yaml
            disable:
              - {rule: IDN-006, reason: also here}
            """, "plant-7.yaml"));
  }

  @Test
  void anOverrideOfAParameterTheBaseDoesNotDeclareNeedsAType() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:6:21: parameter 'certExpiryWaring' is not a parameter of base pack 'test-baseline' and has no 'type' (did you mean 'certExpiryWarning'? To declare a new parameter, add 'type:')""",
        problems(SITE.replace("certExpiryWarning: {default: P60D}", "certExpiryWaring: {default: P60D}")));
  }

  @Test
  void anOverrideMustFitEveryUseInTheBase() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:6:27: parameter 'allowedZones' = [iot, lab]: rule SEG-001 uses it with 'in' on 'zone': 'lab' is not a value of zone (give a value of type list that fits every use, e.g. the base's default [iot, ot])""",
        problems(SITE.replace("certExpiryWarning: {default: P60D}", "allowedZones: {default: [iot, lab]}")));
  }

  @Test
  void anOverrideMustHaveTheBasesType() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:6:32: default of parameter 'certExpiryWarning' must be an ISO-8601 duration such as P30D, not the string '60 days'""",
        problems(SITE.replace("{default: P60D}", "{default: 60 days}")));
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:6:29: parameter 'certExpiryWarning' has type duration in base pack 'test-baseline'; an override keeps its type (remove 'type: string' to override the default, or give a new parameter its own name)""",
        problems(SITE.replace("{default: P60D}", "{type: string, default: P60D}")));
  }

  @Test
  void anAddedRuleCannotTakeTheIdOfABaseRule() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:12:9: rule IDN-001: rule id 'IDN-001' is already used by base pack 'test-baseline' (give the added rule its own id; to replace a base rule, disable it and add yours under a new id)""",
        problems(SITE.replace("id: ACME-001", "id: IDN-001")));
  }

  @Test
  void aTailoredPackHasItsOwnId() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:3:16: pack id 'test-baseline' is the id of its base pack (give the tailored pack its own id, e.g. 'test-baseline-site')""",
        problems(SITE.replace("id: acme-site", "id: test-baseline")));
  }

  @Test
  void onlyAPackThatExtendsABaseCanDisableRules() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:7:1: 'disable' needs 'extends': only the rules of a base pack can be disabled (name the base pack with 'extends:', or remove 'disable')""",
        problems(SITE.replace("extends: test-baseline\n", "").replace("certExpiryWarning: {default: P60D}",
            "certExpiryWarning: {type: duration, default: P60D}")));
  }

  @Test
  void aCycleOfBasesIsReportedWithTheWholeChain() {
    PackLoadException e = assertThrows(PackLoadException.class,
        () -> RulePacks.load(Path.of(TAILORING + "cycle-a.yaml")));
    assertEquals("""
        1 problem in rule pack:
        1. src/test/resources/dev/rampart/engine/load/tailoring/cycle-b.yaml:4:10: 'extends' makes a cycle: src/test/resources/dev/rampart/engine/load/tailoring/cycle-a.yaml -> src/test/resources/dev/rampart/engine/load/tailoring/cycle-b.yaml -> src/test/resources/dev/rampart/engine/load/tailoring/cycle-a.yaml (a pack cannot extend itself, directly or through its bases; remove one of the 'extends')""",
        message(e));
  }

  @Test
  void aChainHasAtMostFiveBases() {
    PackLoadException e = assertThrows(PackLoadException.class,
        () -> RulePacks.fromClasspath("dev/rampart/engine/load/tailoring/deep-1.yaml"));
    assertEquals("""
        1 problem in rule pack:
        1. classpath:dev/rampart/engine/load/tailoring/deep-6.yaml:4:10: 'extends' goes more than 5 bases deep: classpath:dev/rampart/engine/load/tailoring/deep-1.yaml -> classpath:dev/rampart/engine/load/tailoring/deep-2.yaml -> classpath:dev/rampart/engine/load/tailoring/deep-3.yaml -> classpath:dev/rampart/engine/load/tailoring/deep-4.yaml -> classpath:dev/rampart/engine/load/tailoring/deep-5.yaml -> classpath:dev/rampart/engine/load/tailoring/deep-6.yaml -> classpath:dev/rampart/packs/test-baseline/pack.yaml (let a pack extend one further up the chain, or merge two of the packs)""",
        message(e));
  }

  @Test
  void problemsInTheBaseAreReportedUnderTheBasesFileNameTogetherWithTheTailoredPacksOwn() {
    assertEquals("""
        5 problems in rule pack:
        1. src/test/resources/dev/rampart/engine/load/tailoring/broken-base.yaml:10:15: rule IDN-007: unknown severity 'hihg' (did you mean 'high'?)
        2. src/test/resources/dev/rampart/engine/load/tailoring/broken-base.yaml:12:21: rule IDN-007: unknown field 'credentials.certificate.keySise': 'credentials.certificate' has no field 'keySise' (did you mean 'credentials.certificate.keySize'?)
        3. site.yaml:7:5: missing 'rule' in disable entry (name the base rule to disable, e.g. 'rule: IDN-006')
        4. site.yaml:7:5: a disable entry needs a 'reason' (say why the rule does not apply here, e.g. the compensating control; reports show it)
        5. site.yaml:7:6: unknown key 'rul' in disable entry (did you mean 'rule'?)""",
        problems("""
            apiVersion: rampart.dev/v1
            kind: RulePack
            metadata: {id: site, version: "1.0", title: Site}
            extends: src/test/resources/dev/rampart/engine/load/tailoring/broken-base.yaml
            parameters: {minRsaKeySize: {default: 3072}}
            disable:
              - {rul: IDN-007}
            """, "site.yaml"));
  }

  @Test
  void everyTailoringMistakeIsReportedInOneRun() {
    assertEquals("""
        5 problems in rule pack:
        1. site.yaml:4:10: unknown base pack 'test-basline' (did you mean 'test-baseline'?)
        2. site.yaml:9:5: disabling rule 'IDN-006' needs a 'reason' (say why the rule does not apply here, e.g. the compensating control; reports show it)
        3. site.yaml:10:5: unknown key 'reson' in disable entry (did you mean 'reason'?)
        4. site.yaml:15:15: rule ACME-001: unknown severity 'lo' (did you mean 'low'?)
        5. site.yaml:17:21: rule ACME-001: unknown field 'atributes.site': a device has no field 'atributes' (did you mean 'attributes'?)""",
        problems(SITE.replace("extends: test-baseline", "extends: test-basline")
            .replace("    reason: \"PSK", "    reson: \"PSK")
            .replace("severity: low", "severity: lo")
            .replace("field: attributes.site", "field: atributes.site")));
  }

  // ---------------------------------------------------------------- helpers

  private static ComplianceEngine.Builder engine(RulePack pack) {
    return ComplianceEngine.builder().pack(pack).clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Outcome outcome(ComplianceEngine engine, List<Fact> facts, String ruleId) {
    return engine.evaluate(facts).resultsForRule(ruleId).get(0).outcome();
  }

  private static Device deviceWithCertificateExpiringIn(int days) {
    Certificate certificate = new Certificate(null, null, null, "EC", 256, null, null,
        NOW.plus(java.time.Duration.ofDays(days)), null, null, null, null, null, null, null, null, null, null, null, null);
    return Device.builder("cam-1")
        .credentials(new Credentials(false, false, null, AuthMethod.CERTIFICATE, certificate, null))
        .build();
  }

  private static String problems(String pack) {
    return problems(pack, "site.yaml");
  }

  private static String problems(String pack, String sourceName) {
    return message(assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, sourceName)));
  }

  /** The message with this platform's line separators as {@code \n}, as text blocks write them. */
  private static String message(PackLoadException e) {
    return e.getMessage().lines().collect(Collectors.joining("\n"));
  }
}
