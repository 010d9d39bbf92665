package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Criticality;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.Vendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each operator means, one test per operator: the outcome for values on either side of the
 * line, and the evidence a reader of the report sees. Durations are measured against a fixed clock,
 * 2026-11-25T00:00:00Z.
 */
class OperatorSemanticsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void equalsComparesWithOneValue() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: credentials.defaultPassword, equals: false}",
        device("changed").credentials(password(false)).build(),
        device("default").credentials(password(true)).build(),
        device("unknown").build());
    assertResult(results.get("changed"), Outcome.PASS, "[]");
    assertResult(results.get("default"), Outcome.FAIL, "[credentials.defaultPassword = true (expected equals false)]");
    assertResult(results.get("unknown"), Outcome.UNKNOWN, "[credentials.defaultPassword = absent (expected equals false)]");
  }

  @Test
  void notEqualsHoldsForEveryOtherValue() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: credentials.authMethod, notEquals: none}",
        device("certificate").credentials(auth(AuthMethod.CERTIFICATE)).build(),
        device("open").credentials(auth(AuthMethod.NONE)).build(),
        device("unknown").credentials(auth(null)).build());
    assertResult(results.get("certificate"), Outcome.PASS, "[]");
    assertResult(results.get("open"), Outcome.FAIL, "[credentials.authMethod = none (expected notEquals none)]");
    assertResult(results.get("unknown"), Outcome.UNKNOWN, "[credentials.authMethod = absent (expected notEquals none)]");
  }

  @Test
  void inHoldsForAnyListedValue() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: criticality, in: [low, medium]}",
        device("low").criticality(Criticality.LOW).build(),
        device("high").criticality(Criticality.HIGH).build());
    assertResult(results.get("low"), Outcome.PASS, "[]");
    assertResult(results.get("high"), Outcome.FAIL, "[criticality = high (expected in [low, medium])]");
  }

  @Test
  void notInHoldsForEveryUnlistedValue() throws Exception {
    Map<String, RuleResult> results = evaluate("{anyOf: services, where: {field: port, notIn: [23, 2323]}}",
        device("ssh").services(List.of(Services.port(22))).build(),
        device("telnet").services(List.of(Services.port(2323))).build());
    assertResult(results.get("ssh"), Outcome.PASS, "[]");
    assertResult(results.get("telnet"), Outcome.FAIL, "[services[0].port = 2323 (expected notIn [23, 2323])]");
  }

  @Test
  void existsDecidesAbsenceInsteadOfBeingUnknown() throws Exception {
    Map<String, RuleResult> present = evaluate("{field: owner, exists: true}",
        device("owned").owner("facilities").build(),
        device("orphan").build());
    assertResult(present.get("owned"), Outcome.PASS, "[]");
    assertResult(present.get("orphan"), Outcome.FAIL, "[owner = absent (expected exists true)]");

    Map<String, RuleResult> absent = evaluate("{field: owner, exists: false}",
        device("owned").owner("facilities").build(),
        device("orphan").build());
    assertResult(absent.get("owned"), Outcome.FAIL, "[owner = facilities (expected exists false)]");
    assertResult(absent.get("orphan"), Outcome.PASS, "[]");
  }

  @Test
  void orderingOperatorsCompareNumbers() throws Exception {
    Device small = device("small").credentials(keySize(1024)).build();
    Device exact = device("exact").credentials(keySize(2048)).build();
    Device large = device("large").credentials(keySize(4096)).build();

    Map<String, RuleResult> greaterThan = evaluate("{field: credentials.certificate.keySize, greaterThan: 2048}", small, exact, large);
    assertResult(greaterThan.get("exact"), Outcome.FAIL, "[credentials.certificate.keySize = 2048 (expected greaterThan 2048)]");
    assertResult(greaterThan.get("large"), Outcome.PASS, "[]");

    Map<String, RuleResult> atLeast = evaluate("{field: credentials.certificate.keySize, atLeast: 2048}", small, exact, large);
    assertResult(atLeast.get("small"), Outcome.FAIL, "[credentials.certificate.keySize = 1024 (expected atLeast 2048)]");
    assertResult(atLeast.get("exact"), Outcome.PASS, "[]");

    Map<String, RuleResult> lessThan = evaluate("{field: credentials.certificate.keySize, lessThan: 2048}", small, exact, large);
    assertResult(lessThan.get("small"), Outcome.PASS, "[]");
    assertResult(lessThan.get("exact"), Outcome.FAIL, "[credentials.certificate.keySize = 2048 (expected lessThan 2048)]");

    Map<String, RuleResult> atMost = evaluate("{field: credentials.certificate.keySize, atMost: 2048}", small, exact, large);
    assertResult(atMost.get("exact"), Outcome.PASS, "[]");
    assertResult(atMost.get("large"), Outcome.FAIL, "[credentials.certificate.keySize = 4096 (expected atMost 2048)]");
  }

  @Test
  void orderingOperatorsCompareDates() throws Exception {
    Device before = device("before").lifecycle(endOfSupport("2027-12-31")).build();
    Device on = device("on").lifecycle(endOfSupport("2028-01-01")).build();
    Device after = device("after").lifecycle(endOfSupport("2028-01-02")).build();

    Map<String, RuleResult> greaterThan = evaluate("{field: lifecycle.endOfSupport, greaterThan: \"2028-01-01\"}", before, on, after);
    assertResult(greaterThan.get("on"), Outcome.FAIL, "[lifecycle.endOfSupport = 2028-01-01 (expected greaterThan 2028-01-01)]");
    assertResult(greaterThan.get("after"), Outcome.PASS, "[]");

    Map<String, RuleResult> atLeast = evaluate("{field: lifecycle.endOfSupport, atLeast: \"2028-01-01\"}", before, on, after);
    assertResult(atLeast.get("before"), Outcome.FAIL, "[lifecycle.endOfSupport = 2027-12-31 (expected atLeast 2028-01-01)]");
    assertResult(atLeast.get("on"), Outcome.PASS, "[]");

    Map<String, RuleResult> lessThan = evaluate("{field: lifecycle.endOfSupport, lessThan: \"2028-01-01\"}", before, on, after);
    assertResult(lessThan.get("before"), Outcome.PASS, "[]");
    assertResult(lessThan.get("on"), Outcome.FAIL, "[lifecycle.endOfSupport = 2028-01-01 (expected lessThan 2028-01-01)]");

    Map<String, RuleResult> atMost = evaluate("{field: lifecycle.endOfSupport, atMost: \"2028-01-01\"}", before, on, after);
    assertResult(atMost.get("on"), Outcome.PASS, "[]");
    assertResult(atMost.get("after"), Outcome.FAIL, "[lifecycle.endOfSupport = 2028-01-02 (expected atMost 2028-01-01)]");
  }

  @Test
  void matchesFindsTheRe2PatternAnywhereInTheText() throws Exception {
    Map<String, RuleResult> unanchored = evaluate("{field: model, matches: \"cam\"}",
        device("camera").model("ipcam-200").build(),
        device("lock").model("smartlock").build());
    assertResult(unanchored.get("camera"), Outcome.PASS, "[]");
    assertResult(unanchored.get("lock"), Outcome.FAIL, "[model = smartlock (expected matches cam)]");

    Map<String, RuleResult> anchored = evaluate("{field: model, matches: \"^cam\"}", device("camera").model("ipcam-200").build());
    assertResult(anchored.get("camera"), Outcome.FAIL, "[model = ipcam-200 (expected matches ^cam)]");
  }

  @Test
  void matchesCannotBacktrackCatastrophically() throws Exception {
    // a backtracking engine needs about 2^n steps for (a+)+$ against n a's and a b; RE2 is linear
    String text = "a".repeat(50_000) + "b";
    RuleResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> evaluate("{field: model, matches: \"(a+)+$\"}", device("hostile").model(text).build()).get("hostile"));
    assertEquals(Outcome.FAIL, result.outcome());
    assertEquals(List.of(new Evidence(FieldPath.of("model"), Evidence.Actual.value(text),
        new Evidence.Expectation.Comparison("matches", Evidence.Operand.literal("(a+)+$"), false))), result.evidence());
  }

  @Test
  void containsFindsAnElementOfAList() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: egressAllowlist, contains: \"updates.acme.example\"}",
        device("allowed").egressAllowlist(List.of("time.acme.example", "updates.acme.example")).build(),
        device("missing").egressAllowlist(List.of("time.acme.example")).build(),
        device("empty").egressAllowlist(List.of()).build());
    assertResult(results.get("allowed"), Outcome.PASS, "[]");
    assertResult(results.get("missing"), Outcome.FAIL,
        "[egressAllowlist = [time.acme.example] (expected contains updates.acme.example)]");
    assertResult(results.get("empty"), Outcome.FAIL, "[egressAllowlist = [] (expected contains updates.acme.example)]");
  }

  @Test
  void containsFindsTextInAString() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: name, contains: \"lobby\"}",
        device("lobby").name("camera lobby east").build(),
        device("yard").name("camera yard").build());
    assertResult(results.get("lobby"), Outcome.PASS, "[]");
    assertResult(results.get("yard"), Outcome.FAIL, "[name = camera yard (expected contains lobby)]");
  }

  @Test
  void versionAtLeastComparesSegmentsAsNumbersAndPreReleasesBelowTheRelease() throws Exception {
    Map<String, RuleResult> tenAfterNine = evaluate("{field: firmware.version, versionAtLeast: \"2.9\"}",
        device("two-ten").firmware(version("2.10")).build(),
        device("two-eight").firmware(version("2.8.9")).build());
    assertResult(tenAfterNine.get("two-ten"), Outcome.PASS, "[]");
    assertResult(tenAfterNine.get("two-eight"), Outcome.FAIL, "[firmware.version = 2.8.9 (expected versionAtLeast 2.9)]");

    Map<String, RuleResult> trailingZeros = evaluate("{field: firmware.version, versionAtLeast: \"1.2.0\"}",
        device("short").firmware(version("1.2")).build(),
        device("candidate").firmware(version("1.2.0-rc1")).build());
    assertResult(trailingZeros.get("short"), Outcome.PASS, "[]");
    assertResult(trailingZeros.get("candidate"), Outcome.FAIL, "[firmware.version = 1.2.0-rc1 (expected versionAtLeast 1.2.0)]");
  }

  @Test
  void versionAtLeastOrdersThePreReleasesOfOneVersion() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: firmware.version, versionAtLeast: \"2.0.0-rc2\"}",
        device("rc1").firmware(version("2.0.0-rc1")).build(),
        device("rc2").firmware(version("2.0.0-rc2")).build(),
        device("rc10").firmware(version("2.0.0-rc10")).build(),
        device("release").firmware(version("2.0.0")).build());
    assertResult(results.get("rc1"), Outcome.FAIL, "[firmware.version = 2.0.0-rc1 (expected versionAtLeast 2.0.0-rc2)]");
    assertResult(results.get("rc2"), Outcome.PASS, "[]");
    assertResult(results.get("rc10"), Outcome.PASS, "[]");
    assertResult(results.get("release"), Outcome.PASS, "[]");

    Map<String, RuleResult> beta = evaluate("{field: firmware.version, versionAtLeast: \"2.0.0-beta\"}",
        device("alpha").firmware(version("2.0.0-alpha")).build());
    assertResult(beta.get("alpha"), Outcome.FAIL, "[firmware.version = 2.0.0-alpha (expected versionAtLeast 2.0.0-beta)]");
  }

  @Test
  void olderThanAndNewerThanMeasureBackFromNow() throws Exception {
    Device thirtyOneDays = device("d31").lifecycle(endOfSupport("2026-10-25")).build();
    Device thirtyDays = device("d30").lifecycle(endOfSupport("2026-10-26")).build();
    Device yearAndADay = device("y1d1").lifecycle(endOfSupport("2025-11-24")).build();
    Device year = device("y1").lifecycle(endOfSupport("2025-11-25")).build();
    Device yearLessADay = device("y0d364").lifecycle(endOfSupport("2025-11-26")).build();

    Map<String, RuleResult> olderThan = evaluate("{field: lifecycle.endOfSupport, olderThan: P30D}", thirtyOneDays, thirtyDays);
    assertResult(olderThan.get("d31"), Outcome.PASS, "[]");
    assertResult(olderThan.get("d30"), Outcome.FAIL, "[lifecycle.endOfSupport = 2026-10-26 (expected olderThan P30D)]");

    Map<String, RuleResult> newerThan = evaluate("{field: lifecycle.endOfSupport, newerThan: P1Y}", yearAndADay, year, yearLessADay);
    assertResult(newerThan.get("y1d1"), Outcome.FAIL, "[lifecycle.endOfSupport = 2025-11-24 (expected newerThan P1Y)]");
    assertResult(newerThan.get("y1"), Outcome.FAIL, "[lifecycle.endOfSupport = 2025-11-25 (expected newerThan P1Y)]");
    assertResult(newerThan.get("y0d364"), Outcome.PASS, "[]");
  }

  @Test
  void withinReachesBothWaysFromNowIncludingTheEnds() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: lifecycle.endOfSupport, within: P30D}",
        device("past-edge").lifecycle(endOfSupport("2026-10-26")).build(),
        device("past-out").lifecycle(endOfSupport("2026-10-25")).build(),
        device("future-edge").lifecycle(endOfSupport("2026-12-25")).build(),
        device("future-out").lifecycle(endOfSupport("2026-12-26")).build());
    assertResult(results.get("past-edge"), Outcome.PASS, "[]");
    assertResult(results.get("past-out"), Outcome.FAIL, "[lifecycle.endOfSupport = 2026-10-25 (expected within P30D)]");
    assertResult(results.get("future-edge"), Outcome.PASS, "[]");
    assertResult(results.get("future-out"), Outcome.FAIL, "[lifecycle.endOfSupport = 2026-12-26 (expected within P30D)]");

    Map<String, RuleResult> year = evaluate("{field: lifecycle.endOfSupport, within: P1Y}",
        device("edge").lifecycle(endOfSupport("2027-11-25")).build(),
        device("out").lifecycle(endOfSupport("2027-11-26")).build());
    assertResult(year.get("edge"), Outcome.PASS, "[]");
    assertResult(year.get("out"), Outcome.FAIL, "[lifecycle.endOfSupport = 2027-11-26 (expected within P1Y)]");
  }

  @Test
  void beyondHoldsForADateAtLeastTheDurationAfterNowTheBoundaryDayIncluded() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: lifecycle.endOfSupport, beyond: P2Y}",
        device("later").lifecycle(endOfSupport("2029-03-01")).build(),
        device("edge").lifecycle(endOfSupport("2028-11-25")).build(),
        device("day-short").lifecycle(endOfSupport("2028-11-24")).build(),
        device("past").lifecycle(endOfSupport("2026-01-01")).build(),
        device("unknown").lifecycle(new Lifecycle(null, null, null)).build());
    assertResult(results.get("later"), Outcome.PASS, "[]");
    assertResult(results.get("edge"), Outcome.PASS, "[]");
    assertResult(results.get("day-short"), Outcome.FAIL, "[lifecycle.endOfSupport = 2028-11-24 (expected beyond P2Y)]");
    assertResult(results.get("past"), Outcome.FAIL, "[lifecycle.endOfSupport = 2026-01-01 (expected beyond P2Y)]");
    assertResult(results.get("unknown"), Outcome.UNKNOWN, "[lifecycle.endOfSupport = absent (expected beyond P2Y)]");
  }

  @Test
  void inCidrTestsIpv4AndIpv6Addresses() throws Exception {
    Map<String, RuleResult> results = evaluate("{allOf: ipAddresses, where: {inCidr: [\"10.0.0.0/8\", \"fd00::/8\"]}}",
        device("inside").ipAddresses(List.of("10.20.30.40", "fd12:3456::1")).build(),
        device("outside-v4").ipAddresses(List.of("10.0.0.1", "192.168.1.10")).build(),
        device("outside-v6").ipAddresses(List.of("2001:db8::1")).build());
    assertResult(results.get("inside"), Outcome.PASS, "[]");
    assertResult(results.get("outside-v4"), Outcome.FAIL, "[ipAddresses[1] = 192.168.1.10 (expected inCidr [10.0.0.0/8, fd00::/8])]");
    assertResult(results.get("outside-v6"), Outcome.FAIL, "[ipAddresses[0] = 2001:db8::1 (expected inCidr [10.0.0.0/8, fd00::/8])]");
  }

  @Test
  void inCidrOnAValueThatIsNotAnAddressIsAnError() throws Exception {
    // the fact model refuses an IP address that is none, so a destination host name stands in
    RuleResult result = evaluate("{allOf: outboundDestinations, where: {inCidr: [\"10.0.0.0/8\"]}}",
        device("typo").outboundDestinations(List.of("gateway.local")).build()).get("typo");
    assertEquals(Outcome.ERROR, result.outcome());
    assertEquals("evaluation failed: outboundDestinations[0]: 'gateway.local' is not an IP address or network", result.message());
    assertEquals("[outboundDestinations[0] = gateway.local (expected inCidr [10.0.0.0/8])]", result.evidence().toString());
  }

  @Test
  void uniqueFailsEveryFactThatSharesTheValue() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: credentials.fingerprint, unique: true}",
        device("first").credentials(fingerprint("fp-shared")).build(),
        device("second").credentials(fingerprint("fp-shared")).build(),
        device("third").credentials(fingerprint("fp-shared")).build(),
        device("alone").credentials(fingerprint("fp-own")).build(),
        device("unknown").credentials(fingerprint(null)).build(),
        device("also-unknown").credentials(fingerprint(null)).build());
    assertResult(results.get("first"), Outcome.FAIL,
        "[credentials.fingerprint = fp-shared (shared with 2 other devices: second, third) (expected unique)]");
    assertResult(results.get("third"), Outcome.FAIL,
        "[credentials.fingerprint = fp-shared (shared with 2 other devices: first, second) (expected unique)]");
    assertResult(results.get("alone"), Outcome.PASS, "[]");
    assertResult(results.get("unknown"), Outcome.UNKNOWN, "[credentials.fingerprint = absent (expected unique)]");
    assertResult(results.get("also-unknown"), Outcome.UNKNOWN, "[credentials.fingerprint = absent (expected unique)]");
  }

  @Test
  void aParameterHasItsDefaultUnlessOverridden() throws Exception {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: operators, version: "1.0", title: Operator semantics}
        parameters:
          minKeySize: {type: integer, default: 2048, description: smallest RSA key in bits}
        rules:
          - id: R
            title: Strong keys
            category: identity
            severity: high
            target: device
            assert: {field: credentials.certificate.keySize, atLeast: {param: minKeySize}}
        """;
    Device device = device("d").credentials(keySize(3072)).build();
    assertResult(evaluate(pack, Map.of(), device).get("d"), Outcome.PASS, "[]");
    assertResult(evaluate(pack, Map.of("minKeySize", "4096"), device).get("d"), Outcome.FAIL,
        "[credentials.certificate.keySize = 3072 (expected atLeast 4096 (parameter minKeySize))]");
  }

  @Test
  void aFieldOperandIsReadFromTheSameFact() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: lifecycle.endOfSupport, atLeast: {field: lifecycle.plannedRetirement}}",
        device("covered").lifecycle(new Lifecycle(null, LocalDate.parse("2028-01-01"), LocalDate.parse("2027-06-30"))).build(),
        device("gap").lifecycle(new Lifecycle(null, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-06-30"))).build(),
        device("unplanned").lifecycle(new Lifecycle(null, LocalDate.parse("2027-01-01"), null)).build());
    assertResult(results.get("covered"), Outcome.PASS, "[]");
    assertResult(results.get("gap"), Outcome.FAIL,
        "[lifecycle.endOfSupport = 2027-01-01 (expected atLeast lifecycle.plannedRetirement (2027-06-30))]");
    assertEquals(Outcome.UNKNOWN, results.get("unplanned").outcome());
  }

  @Test
  void theMessageFillsInFieldsOfTheFactAndOfReferencedFacts() throws Exception {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: operators, version: "1.0", title: Operator semantics}
        rules:
          - id: R
            title: No default password
            category: identity
            severity: critical
            target: device
            assert: {field: credentials.defaultPassword, equals: false}
            message: "${name} (made by ${vendor.name}) still has its default password"
        """;
    Map<String, RuleResult> results = evaluate(pack, Map.of(),
        Vendor.builder("acme").name("Acme Corp").build(),
        device("camera").name("Lobby camera").vendorId("acme").credentials(password(true)).build(),
        device("stray").name("Stray sensor").vendorId("nobody").credentials(password(true)).build());
    assertEquals("Lobby camera (made by Acme Corp) still has its default password", results.get("camera").message());
    assertEquals("Stray sensor (made by (unknown)) still has its default password", results.get("stray").message());
  }

  @Test
  void anUnknownValueThatTheMessagePutsInParenthesesIsInParenthesesOnce() throws Exception {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: operators, version: "1.0", title: Operator semantics}
        rules:
          - id: R
            title: An owner is recorded
            category: operations
            severity: medium
            target: device
            assert: {field: owner, exists: true}
            message: "device ${id} (${name}) has no documented owner; (${model}: ${serialNumber})"
        """;
    Map<String, RuleResult> results = evaluate(pack, Map.of(),
        device("named").name("Lobby camera").build(),
        device("nameless").build());
    assertEquals("device named (Lobby camera) has no documented owner; ((unknown): (unknown))",
        results.get("named").message());
    assertEquals("device nameless (unknown) has no documented owner; ((unknown): (unknown))",
        results.get("nameless").message());
  }

  // ---------------------------------------------------------------- helpers

  /** Evaluates a pack whose one rule R asserts {@code condition}; the results of R by device id. */
  private static Map<String, RuleResult> evaluate(String condition, Fact... facts) throws PackLoadException {
    return evaluate("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: operators, version: "1.0", title: Operator semantics}
        rules:
          - id: R
            title: Rule under test
            category: identity
            severity: high
            target: device
            assert: %s
        """.formatted(condition), Map.of(), facts);
  }

  private static Map<String, RuleResult> evaluate(String pack, Map<String, String> parameters, Fact... facts)
      throws PackLoadException {
    ComplianceEngine.Builder engine = ComplianceEngine.builder().pack(RulePacks.parse(pack, "operators.yaml")).clock(CLOCK);
    parameters.forEach(engine::parameter);
    Map<String, RuleResult> results = new LinkedHashMap<>();
    for (RuleResult result : engine.build().evaluate(List.of(facts)).resultsForRule("R")) {
      results.put(result.factId(), result);
    }
    return results;
  }

  private static void assertResult(RuleResult result, Outcome outcome, String evidence) {
    assertEquals(outcome + " " + evidence, result.outcome() + " " + result.evidence(), result.message());
  }

  private static Device.Builder device(String id) {
    return Device.builder(id);
  }

  private static Credentials password(Boolean defaultPassword) {
    return new Credentials(defaultPassword, null, null, AuthMethod.PASSWORD, null, null);
  }

  private static Credentials auth(AuthMethod method) {
    return new Credentials(null, null, null, method, null, null);
  }

  private static Credentials fingerprint(String fingerprint) {
    return new Credentials(null, null, fingerprint, AuthMethod.PASSWORD, null, null);
  }

  private static Credentials keySize(int bits) {
    Certificate certificate = new Certificate(null, null, null, "RSA", bits, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new Credentials(null, null, null, AuthMethod.CERTIFICATE, certificate, null);
  }

  private static Lifecycle endOfSupport(String date) {
    return new Lifecycle(null, LocalDate.parse(date), null);
  }

  private static Firmware version(String version) {
    return new Firmware(version, null, null, null);
  }

  /** Services as a scanner reports them: here only the port matters. */
  private static final class Services {

    static dev.rampart.spi.fact.Service port(int port) {
      return new dev.rampart.spi.fact.Service(null, port, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
  }
}
