package dev.rampart.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.inventory.InventoryFileProvider;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in iot-baseline pack: it loads, covers the guide, documents every rule, and finds what it should. */
class IotBaselinePackTest {

  /** The evaluation date the example inventory's dates are chosen against. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  private static final Path EXAMPLE_INVENTORY = Path.of("../examples/inventory.yaml");

  private static final Set<String> FRAMEWORKS = Set.of(
      "etsi-en-303-645", "nistir-8259a", "nistir-8259b", "iec-62443-4-2", "owasp-iot-top10-2018", "nist-sp-800-53",
      "aws-iot-device-defender");

  private static final Map<Category, String> ID_PREFIXES = Map.of(
      Category.PROCUREMENT, "PRC", Category.IDENTITY, "IDN", Category.SEGMENTATION, "SEG",
      Category.PATCHING, "PAT", Category.MONITORING, "MON", Category.INTERFACES, "INT",
      Category.DATA, "DAT", Category.RESILIENCE, "RES", Category.OPERATIONS, "OPS");

  private static RulePack pack;
  private static Report casesReport;

  @BeforeAll
  static void load() throws PackLoadException {
    pack = RulePacks.builtin("iot-baseline");
  }

  @Test
  void loadsAsTheBuiltInPackWithoutProblems() throws PackLoadException {
    assertEquals("iot-baseline", pack.id());
    assertTrue(pack.source().startsWith("classpath:"), pack.source());
    // building compiles every rule with its parameters bound; it throws on any problem
    assertEquals(pack.rules().size(), engine().rules().size());
  }

  @Test
  void everyRequirementOfTheGuideIsServedByARule() {
    Set<String> guide = IntStream.rangeClosed(1, 44).mapToObj(i -> String.format("G%02d", i))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> served = pack.rules().stream().flatMap(r -> r.requirements().stream())
        .collect(Collectors.toCollection(TreeSet::new));

    Set<String> unserved = new TreeSet<>(guide);
    unserved.removeAll(served);
    Set<String> unknown = new TreeSet<>(served);
    unknown.removeAll(guide);
    assertEquals(Set.of(), unserved, "requirements no rule serves");
    assertEquals(Set.of(), unknown, "requirement ids that are not in the guide");
  }

  @Test
  void everyRuleIsDocumentedForAReviewer() {
    List<String> gaps = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      if (rule.rationale().isBlank()) {
        gaps.add(rule.id() + ": no rationale");
      }
      if (rule.remediation().isBlank()) {
        gaps.add(rule.id() + ": no remediation");
      }
      if (rule.requirements().isEmpty()) {
        gaps.add(rule.id() + ": serves no requirement");
      }
      if (rule.references().isEmpty()) {
        gaps.add(rule.id() + ": no references");
      }
      rule.references().forEach((framework, controls) -> {
        if (pack.framework(framework).isEmpty()) {
          gaps.add(rule.id() + ": unknown framework '" + framework + "'");
        }
        if (controls.isEmpty()) {
          gaps.add(rule.id() + ": no controls listed for " + framework);
        }
      });
      if (!rule.id().matches(ID_PREFIXES.get(rule.category()) + "-\\d{3}")) {
        gaps.add(rule.id() + ": id does not match its category " + rule.category());
      }
    }
    assertEquals(List.of(), gaps);
  }

  @Test
  void everyFrameworkStatesItsEditionAndWhatEachOfItsControlsRequires() {
    assertEquals(FRAMEWORKS, pack.frameworks().stream().map(Framework::key).collect(Collectors.toSet()));
    List<String> gaps = new ArrayList<>();
    for (Framework framework : pack.frameworks()) {
      if (framework.edition().isBlank()) {
        gaps.add(framework.key() + ": no edition");
      }
      // with its controls listed, the loader refuses a citation of any other id
      if (framework.controls().isEmpty()) {
        gaps.add(framework.key() + ": lists no controls, so its citations go unchecked");
      }
      framework.controls().forEach((control, text) -> {
        if (text.isBlank()) {
          gaps.add(framework.key() + " " + control + ": does not say what it requires");
        }
      });
    }
    assertEquals(List.of(), gaps);
  }

  /** The corrections of issue 12, each confirmed against the standard's text. */
  @ParameterizedTest(name = "{0} cites {1}: {2}")
  @CsvSource(delimiter = ';', textBlock = """
      PRC-002; iec-62443-4-2;   EDR 3.14|EDR 3.14 RE(1)
      PRC-003; etsi-en-303-645; 5.4-1
      PRC-004; etsi-en-303-645; 5.5-1
      IDN-003; iec-62443-4-2;   CR 1.2 RE(1)|CR 1.5
      IDN-003; etsi-en-303-645; 5.1-1|5.4-4
      IDN-004; iec-62443-4-2;   CR 1.2 RE(1)|CR 1.5
      IDN-004; etsi-en-303-645; 5.4-4
      DAT-002; nist-sp-800-53;  SC-28
      DAT-003; nist-sp-800-53;  SI-12
      DAT-004; nist-sp-800-53;  SI-12
      IDN-016; iec-62443-4-2;   CR 2.1
      INT-005; etsi-en-303-645; 5.5-1|5.5-7
      INT-007; etsi-en-303-645; 5.5-1|5.5-7
      PAT-003; etsi-en-303-645; 5.7-1
      PAT-006; nist-sp-800-53;  SA-22
      PAT-008; owasp-iot-top10-2018; I5
      """)
  void theCorrectedCrosswalkCitesTheMatchingControls(String ruleId, String framework, String controls) {
    assertEquals(List.of(controls.split("\\|")), pack.rule(ruleId).orElseThrow().references().get(framework));
  }

  /** Citations issue 12 found wrong or unconfirmed; none may come back. */
  @ParameterizedTest(name = "{0} does not cite {1} {2}")
  @CsvSource(delimiter = ';', textBlock = """
      PRC-002; iec-62443-4-2;   CR 3.14
      IDN-003; iec-62443-4-2;   CR 1.1 RE(1)
      IDN-004; iec-62443-4-2;   CR 1.1 RE(1)
      DAT-003; iec-62443-4-2;   CR 4.2
      DAT-004; iec-62443-4-2;   CR 4.2
      DAT-002; etsi-en-303-645; 5.4-1
      IDN-016; etsi-en-303-645; 5.6-7
      INT-005; etsi-en-303-645; 5.5-5
      INT-007; etsi-en-303-645; 5.5-5
      PRC-004; etsi-en-303-645; 5.5-2
      INT-004; etsi-en-303-645; 5.6-1
      PAT-006; etsi-en-303-645; 5.3-13
      PAT-007; etsi-en-303-645; 5.3-13
      PAT-003; etsi-en-303-645; 5.3-9
      IDN-007; owasp-iot-top10-2018; I1
      PAT-006; owasp-iot-top10-2018; I4
      RES-003; iec-62443-4-2;   CR 7.4
      INT-002; iec-62443-4-2;   CR 7.1 RE(1)
      INT-004; iec-62443-4-2;   CR 7.7
      """)
  void aWrongOrUnconfirmedCitationIsGone(String ruleId, String framework, String control) {
    List<String> cited = pack.rule(ruleId).orElseThrow().references().getOrDefault(framework, List.of());
    assertTrue(!cited.contains(control), ruleId + " still cites " + framework + " " + control + ": " + cited);
  }

  @Test
  void severitiesFollowTheStatedRubric() {
    assertEquals(List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW),
        List.copyOf(pack.severityRubric().keySet()));
    Severity defaultPassword = severity("IDN-001");
    List<String> breaks = new ArrayList<>();
    // no authentication at all is no better than a default password
    for (String noAuthentication : List.of("IDN-005", "INT-001")) {
      if (severity(noAuthentication).compareTo(defaultPassword) < 0) {
        breaks.add(noAuthentication + " (" + severity(noAuthentication).wireName() + ") ranks below a default password");
      }
    }
    // shared credentials, management on the internet and cleartext management protocols are critical
    for (String critical : List.of("IDN-002", "IDN-003", "IDN-004", "INT-004", "INT-005", "INT-007")) {
      if (severity(critical) != Severity.CRITICAL) {
        breaks.add(critical + " is " + severity(critical).wireName() + ", not critical");
      }
    }
    // a warning ahead of an expiry ranks below the finding it warns of
    for (List<String> pair : List.of(List.of("IDN-013", "IDN-012"), List.of("PAT-007", "PAT-006"))) {
      if (severity(pair.get(0)).compareTo(severity(pair.get(1))) >= 0) {
        breaks.add(pair.get(0) + " warns of " + pair.get(1) + " but ranks with it");
      }
    }
    assertEquals(List.of(), breaks);
  }

  private static Severity severity(String ruleId) {
    return pack.rule(ruleId).orElseThrow().severity();
  }

  @Test
  void theExampleSiteFailsAtLeastOneRuleInEveryCategory() throws Exception {
    Report report = engine().evaluate(read(EXAMPLE_INVENTORY));

    Set<Category> failing = new HashSet<>();
    report.results().stream().filter(r -> r.outcome() == Outcome.FAIL).forEach(r -> failing.add(r.rule().category()));
    Set<Category> clean = new HashSet<>(Category.builtIns());
    clean.removeAll(failing);
    assertEquals(Set.of(), clean, "categories without a FAIL in examples/inventory.yaml");
    assertEquals(0, report.count(Outcome.ERROR), () -> "errors: " + report.results().stream()
        .filter(r -> r.outcome() == Outcome.ERROR).map(r -> r.rule().id() + " " + r.factId() + ": " + r.message()).toList());
  }

  @ParameterizedTest(name = "{0} on {1} is {2}")
  @CsvSource({
      "SEG-005, allowlisted,     PASS",
      "SEG-005, off-allowlist,   FAIL",
      "SEG-005, nothing-known,   UNKNOWN",
      "IDN-001, retired,         NOT_APPLICABLE",
      "INT-005, retired-but-live, NOT_APPLICABLE",
      "OPS-006, retired-but-live, FAIL",
      "OPS-006, retired,         UNKNOWN",
      "OPS-006, telnet-listed,   NOT_APPLICABLE",
      "IDN-001, status-unknown,  FAIL",
      "IDN-001, nothing-known,   UNKNOWN",
      "IDN-012, cert-expired,    FAIL",
      "IDN-012, cert-expiring,   PASS",
      "IDN-012, nothing-known,   NOT_APPLICABLE",
      "IDN-013, cert-expired,    NOT_APPLICABLE",
      "IDN-013, cert-expiring,   FAIL",
      "IDN-013, cert-valid,      PASS",
      "IDN-007, rsa-1024-sha1,   FAIL",
      "IDN-007, ec-256-sha256,   NOT_APPLICABLE",
      "IDN-007, nothing-known,   NOT_APPLICABLE",
      "IDN-008, ec-256-sha256,   PASS",
      "IDN-009, rsa-1024-sha1,   FAIL",
      "IDN-009, ec-256-sha256,   PASS",
      "INT-005, telnet-listed,   FAIL",
      "INT-005, telnet-closed,   PASS",
      "INT-008, mqtt-plain,      FAIL",
      "INT-008, mqtt-tls,        PASS",
      "PRC-004, tls-legacy,      FAIL",
      "PRC-004, mqtt-tls,        PASS",
      "PRC-008, outlives-support, FAIL",
      "PRC-009, outlives-support, FAIL",
      "PRC-009, nothing-known,   NOT_APPLICABLE",
      "SEG-001, dual-homed,      FAIL",
      "SEG-001, edge-gateway,    PASS",
      "IDN-016, policy-scoped,   PASS",
      "IDN-016, policy-every-topic, FAIL",
      "IDN-016, policy-every-action, FAIL",
      // issue 11: vocabularies, addresses, wildcards, versions and missing evidence
      "INT-005, telnet-8023,     FAIL",
      "INT-008, mqtt-capitalised-plain, FAIL",
      "INT-008, mqtt-plain,      FAIL",
      "INT-008, mqtt-8883-tls-unreported, UNKNOWN",
      "PRC-004, tls10-openssl-spelling, FAIL",
      "PRC-004, mqtt-plain,      PASS",
      "OPS-002, owner-blank,     FAIL",
      "SEG-005, mud-allowlisted, PASS",
      "PAT-009, firmware-build-metadata, PASS",
      "IDN-004, cert-not-reported, UNKNOWN",
      "IDN-007, cert-not-reported, UNKNOWN",
      "IDN-008, cert-not-reported, UNKNOWN",
      "IDN-009, cert-not-reported, UNKNOWN",
      "IDN-010, cert-not-reported, UNKNOWN",
      "IDN-011, cert-not-reported, UNKNOWN",
      "IDN-012, cert-not-reported, UNKNOWN",
      "IDN-013, cert-not-reported, UNKNOWN",
      "IDN-014, cert-not-reported, UNKNOWN",
      "IDN-015, cert-not-reported, UNKNOWN",
      "IDN-007, cert-openssl-sha1, FAIL",
      "IDN-009, cert-openssl-sha1, FAIL",
      "IDN-009, cert-dashed-sha1-dsa, FAIL",
      "IDN-016, policy-every-thing-shadow, FAIL",
      "IDN-016, policy-topicfilter-everything, FAIL",
      "IDN-016, policy-own-shadow, PASS",
      "DAT-005, constrained-no-cloud, PASS",
  })
  void readsTheFactsAsIntended(String ruleId, String deviceId, Outcome expected) throws Exception {
    assertOutcome(cases(), FactType.DEVICE, deviceId, ruleId, expected);
  }

  @ParameterizedTest(name = "{0} on network {1} is {2}")
  @CsvSource({
      "SEG-004, split-allow-all, FAIL",
      "SEG-004, v6-allow-all,    FAIL",
      "SEG-004, scoped-egress,   PASS",
  })
  void readsTheNetworksAsIntended(String ruleId, String networkId, Outcome expected) throws Exception {
    assertOutcome(cases(), FactType.NETWORK, networkId, ruleId, expected);
  }

  /** Issue 11 #1: a list parameter written as the docs write it. */
  @Test
  void weakTlsVersionsWrittenInBracketsStillFindTls11() throws Exception {
    Report report = ComplianceEngine.builder().pack(pack).clock(CLOCK).parameter("weakTlsVersions", "[1.0, 1.1]").build()
        .evaluate(read(resource("iot-baseline-cases.yaml")));

    assertOutcome(report, FactType.DEVICE, "tls-legacy", "PRC-004", Outcome.FAIL);
  }

  private static void assertOutcome(Report report, FactType type, String factId, String ruleId, Outcome expected) {
    RuleResult result = report.resultsForFact(type, factId).stream()
        .filter(r -> r.rule().id().equals(ruleId)).findFirst().orElseThrow();

    assertEquals(expected, result.outcome(), () -> result.message() + " " + result.evidence());
  }

  /** What the pack shows of each parameter, and the fix of the engine's messages, can be given back. */
  @Test
  void everyParameterDefaultParsesBackAndOutOfRangeOverridesAreRefused() throws Exception {
    ComplianceEngine.Builder builder = ComplianceEngine.builder().pack(pack).clock(CLOCK);
    pack.parameters().forEach(p -> builder.parameter(p.name(), p.defaultValue()));
    assertEquals(pack.rules().size(), builder.build().rules().size());

    PackLoadException negative = org.junit.jupiter.api.Assertions.assertThrows(PackLoadException.class,
        () -> ComplianceEngine.builder().pack(pack).parameter("minRsaKeySize", "-5").parameter("maxFirmwareAge", "P-1D").build());
    List<String> messages = negative.problems().stream().map(p -> p.message()).toList();
    assertEquals(List.of(
        "parameter 'minRsaKeySize' = '-5': must be at least 1024 (the range is 1024 to 16384)",
        "parameter 'maxFirmwareAge' = 'P-1D': must be at least P1D (the range is P1D to P10Y)"), messages);
  }

  @Test
  void messagesNameTheDeviceAndTheOffendingValue() throws Exception {
    Map<String, String> messages = new TreeMap<>();
    for (String ruleId : List.of("IDN-007", "IDN-013", "PRC-009")) {
      cases().resultsForRule(ruleId).stream().filter(r -> r.outcome() == Outcome.FAIL)
          .forEach(r -> messages.put(ruleId, r.message()));
    }
    assertEquals(Map.of(
        "IDN-007", "device rsa-1024-sha1 has an RSA certificate key of only 1024 bits",
        "IDN-013", "device cert-expiring has a certificate that expires soon, on 2026-12-10T00:00:00Z",
        "PRC-009", "vendor Short Support Ltd commits to patches for device outlives-support only until 2027-06-30,"
            + " before its planned retirement on 2029-01-01"), messages);
  }

  private static Report cases() throws Exception {
    if (casesReport == null) {
      casesReport = engine().evaluate(read(resource("iot-baseline-cases.yaml")));
    }
    return casesReport;
  }

  private static ComplianceEngine engine() throws PackLoadException {
    return ComplianceEngine.builder().pack(pack).clock(CLOCK).build();
  }

  private static List<Fact> read(Path inventory) throws SourceException {
    List<Fact> facts = new ArrayList<>();
    new InventoryFileProvider().create(SourceConfig.of(inventory.toString())).read((fact, origin) -> facts.add(fact));
    return facts;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(IotBaselinePackTest.class.getResource(name).toURI());
  }
}
