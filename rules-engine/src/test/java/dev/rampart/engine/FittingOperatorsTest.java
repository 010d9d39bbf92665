package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Egress;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operators that fit the data: addresses compared as addresses, destinations against allowlists,
 * allow-all detection through split ranges, policy resources that reach other devices, versions as
 * SemVer, and vocabulary fields compared by canonical value, with unknown values UNKNOWN.
 */
class FittingOperatorsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  // ---------------------------------------------------------------- addresses

  @Test
  void anIpv4MappedIpv6AddressIsTheIpv4AddressItCarries() throws Exception {
    Map<String, RuleResult> results = evaluate("{noneOf: ipAddresses, where: {inCidr: \"8.0.0.0/8\"}}",
        device("mapped-hex").ipAddresses(List.of("::ffff:0808:0808")).build(),
        device("mapped-dotted").ipAddresses(List.of("::ffff:8.8.8.8")).build(),
        device("elsewhere").ipAddresses(List.of("::ffff:0909:0909", "2001:db8::8")).build());
    assertResult(results.get("mapped-hex"), Outcome.FAIL, "[ipAddresses[0] = 8.8.8.8 (expected not inCidr 8.0.0.0/8)]");
    assertResult(results.get("mapped-dotted"), Outcome.FAIL, "[ipAddresses[0] = 8.8.8.8 (expected not inCidr 8.0.0.0/8)]");
    assertResult(results.get("elsewhere"), Outcome.PASS, "[]");
  }

  @Test
  void anAddressWithLeadingZerosOrFullwidthDigitsIsNotAnAddress() throws Exception {
    // the fact model refuses them, so no rule ever compares them
    assertEquals("device 'octal-looking': ipAddresses[0] '010.0.0.1' is not an IP address (write an IPv4 address"
        + " such as 192.0.2.10 or an IPv6 address such as 2001:db8::10)",
        assertThrows(InvalidFactException.class,
            () -> device("octal-looking").ipAddresses(List.of("010.0.0.1")).build()).getMessage());
    assertThrows(InvalidFactException.class, () -> device("fullwidth").ipAddresses(List.of("１0.0.0.1")).build());
    Map<String, RuleResult> results = evaluate("{allOf: outboundDestinations, where: {inCidr: \"10.0.0.0/8\"}}",
        device("name").outboundDestinations(List.of("gateway.local")).build());
    assertEquals("ERROR evaluation failed: outboundDestinations[0]: 'gateway.local' is not an IP address or network",
        results.get("name").outcome() + " " + results.get("name").message());
  }

  @Test
  void inCidrTakesAListFieldAndIgnoresItsEntriesThatAreNotNetworks() throws Exception {
    Map<String, RuleResult> results = evaluate("{allOf: outboundDestinations, where: {inCidr: {field: egressAllowlist}}}",
        device("inside").outboundDestinations(List.of("192.0.2.5", "198.51.100.0/25"))
            .egressAllowlist(List.of("updates.example.com", "192.0.2.0/28", "198.51.100.0/24")).build(),
        device("outside").outboundDestinations(List.of("192.0.2.17"))
            .egressAllowlist(List.of("192.0.2.0/28", "192.0.2.17.example.com")).build(),
        device("no-allowlist").outboundDestinations(List.of("192.0.2.5")).build());
    assertResult(results.get("inside"), Outcome.PASS, "[]");
    assertResult(results.get("outside"), Outcome.FAIL,
        "[outboundDestinations[0] = 192.0.2.17 (expected inCidr egressAllowlist ([192.0.2.0/28, 192.0.2.17.example.com]))]");
    assertResult(results.get("no-allowlist"), Outcome.UNKNOWN,
        "[outboundDestinations[0] = 192.0.2.5 (expected inCidr egressAllowlist (absent))]");
  }

  // ---------------------------------------------------------------- withinAny

  @Test
  void withinAnyCoversAnAddressOrNetworkByANetworkAndAHostByItsNameOrDomain() throws Exception {
    Map<String, RuleResult> results = evaluate("""
            {allOf: outboundDestinations, where: {withinAny: [192.0.2.0/28, "2001:db8::/32", Updates.Example.COM., "*.cloud.example"]}}""",
        device("address").outboundDestinations(List.of("192.0.2.5")).build(),
        device("network-in-network").outboundDestinations(List.of("192.0.2.8/29", "2001:db8:1::/48")).build(),
        device("host-any-case").outboundDestinations(List.of("updates.example.com", "UPDATES.EXAMPLE.COM.")).build(),
        device("below-domain").outboundDestinations(List.of("eu.cloud.example", "a.b.cloud.example")).build(),
        device("the-domain-itself").outboundDestinations(List.of("cloud.example")).build(),
        device("wider-network").outboundDestinations(List.of("192.0.2.0/27")).build());
    assertResult(results.get("address"), Outcome.PASS, "[]");
    assertResult(results.get("network-in-network"), Outcome.PASS, "[]");
    assertResult(results.get("host-any-case"), Outcome.PASS, "[]");
    assertResult(results.get("below-domain"), Outcome.PASS, "[]");
    String expected = "withinAny [192.0.2.0/28, 2001:db8::/32, Updates.Example.COM., *.cloud.example]";
    assertResult(results.get("the-domain-itself"), Outcome.FAIL, "[outboundDestinations[0] = cloud.example (expected " + expected + ")]");
    assertResult(results.get("wider-network"), Outcome.FAIL, "[outboundDestinations[0] = 192.0.2.0/27 (expected " + expected + ")]");
    // text that looks like an address but is none never reaches a rule: the fact model refuses it
    assertThrows(InvalidFactException.class, () -> device("not-an-address").outboundDestinations(List.of("999.1.1.1")).build());
  }

  @Test
  void withinAnyWithAFieldOperandIsWhatSeg005Needs() throws Exception {
    Map<String, RuleResult> results = evaluate("{allOf: outboundDestinations, where: {withinAny: {field: egressAllowlist}}}",
        device("mud-style").outboundDestinations(List.of("192.0.2.5", "updates.acme.example"))
            .egressAllowlist(List.of("192.0.2.0/28", "updates.acme.example")).build(),
        device("allow-all").outboundDestinations(List.of("203.0.113.9")).egressAllowlist(List.of("any")).build(),
        device("stray").outboundDestinations(List.of("192.0.2.5", "c2.evil.example"))
            .egressAllowlist(List.of("192.0.2.0/28")).build());
    assertResult(results.get("mud-style"), Outcome.PASS, "[]");
    assertResult(results.get("allow-all"), Outcome.PASS, "[]");
    assertResult(results.get("stray"), Outcome.FAIL,
        "[outboundDestinations[1] = c2.evil.example (expected withinAny egressAllowlist ([192.0.2.0/28]))]");
  }

  @Test
  void withinAnyRefusesAnEntryThatIsNoDestinationWhenThePackLoads() {
    PackLoadException problems = org.junit.jupiter.api.Assertions.assertThrows(PackLoadException.class,
        () -> evaluate("{allOf: outboundDestinations, where: {withinAny: [\"10.0.0.0/33\"]}}"));
    assertEquals("""
        operators.yaml:10:62: rule R: 'withinAny' on the list element: expected a network, host name or *.domain but found \
        the string '10.0.0.0/33' (write a network such as 192.0.2.0/24, a host name such as updates.example.com, or \
        *.example.com)""", problems.problems().get(0).toString());
  }

  /** Issue 19 #3: list against list is indexed once per fact, not compared element by element. */
  @Test
  void twentyThousandDestinationsAgainstTwentyThousandEntriesAreLookedUp() throws Exception {
    List<String> destinations = new ArrayList<>();
    List<String> allowlist = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      allowlist.add(i % 2 == 0 ? "10." + (i / 256 % 256) + "." + (i % 256) + ".0/24" : "host-" + i + ".example.com");
      destinations.add(i % 2 == 0 ? "10." + (i / 256 % 256) + "." + (i % 256) + ".7" : "HOST-" + i + ".example.com");
    }
    List<String> withStray = new ArrayList<>(destinations);
    withStray.set(12_345, "stray.example.net");
    for (String operator : List.of("withinAny", "in", "inCidr")) {
      String condition = "{allOf: outboundDestinations, where: {" + operator + ": {field: egressAllowlist}}}";
      List<String> matching = operator.equals("withinAny") ? destinations
          : operator.equals("in") ? allowlist : destinations.stream().filter(d -> d.startsWith("10.")).toList();
      Map<String, RuleResult> results = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> evaluate(condition,
          device("listed").outboundDestinations(matching).egressAllowlist(allowlist).build(),
          device("stray").outboundDestinations(operator.equals("inCidr") ? List.of("10.0.0.1", "172.16.0.1") : withStray)
              .egressAllowlist(allowlist).build()));
      assertEquals(Outcome.PASS, results.get("listed").outcome(), operator + ": " + results.get("listed").message());
      assertEquals(Outcome.FAIL, results.get("stray").outcome(), operator);
    }
  }

  // ---------------------------------------------------------------- coversAll

  @Test
  void coversAllSeesThroughSplitRangesAndAllowAllWords() throws Exception {
    Map<String, RuleResult> results = evaluateNetworks("{field: egress.allowlist, coversAll: false}",
        network("ipv4-all", "0.0.0.0/0"),
        network("split-halves", "0.0.0.0/1", "128.0.0.0/1"),
        network("ipv6-all", "::/0"),
        network("ipv6-all-spelled-long", "::0/0"),
        network("quarters", "192.0.2.0/24", "0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"),
        network("star", "updates.example.com", "*"),
        network("any-word", "ANY"),
        network("one-half", "0.0.0.0/1", "updates.example.com"),
        network("ipv6-halves-and-ipv4-half", "::/1", "8000::/1", "0.0.0.0/1"),
        network("site", "192.0.2.0/24", "*.example.com"));
    for (String open : List.of("ipv4-all", "split-halves", "ipv6-all", "ipv6-all-spelled-long", "quarters", "star", "any-word",
        "ipv6-halves-and-ipv4-half")) {
      assertEquals(Outcome.FAIL, results.get(open).outcome(), open);
    }
    assertResult(results.get("split-halves"), Outcome.FAIL,
        "[egress.allowlist = [0.0.0.0/1, 128.0.0.0/1] (expected coversAll false)]");
    assertResult(results.get("one-half"), Outcome.PASS, "[]");
    assertResult(results.get("site"), Outcome.PASS, "[]");
  }

  @Test
  void theNewOperatorsAreRefusedOnFieldsTheyDoNotFit() {
    assertEquals(List.of(
            "operators.yaml:10:39: rule R: operator 'coversAll' does not apply to 'owner' of type string"
                + " ('coversAll' tests a list of networks written as text)"),
        problems("{field: owner, coversAll: false}"));
    assertEquals(List.of(
            "operators.yaml:10:66: rule R: operator 'reachesOtherDevices' does not apply to 'accessPolicy.resources' of type"
                + " list of string ('reachesOtherDevices' tests a policy resource written as text; use a quantifier for a list)"),
        problems("{field: accessPolicy.resources, reachesOtherDevices: true}"));
    assertEquals(List.of(
            "operators.yaml:10:70: rule R: 'withinAny' cannot compare the list element (string) with field 'firmware'"
                + " (object) ('withinAny' needs a list of text (networks or host names) such as egressAllowlist)"),
        problems("{allOf: outboundDestinations, where: {withinAny: {field: firmware}}}"));
  }

  // ---------------------------------------------------------------- reachesOtherDevices

  @Test
  void reachesOtherDevicesKnowsPolicyVariablesGlobsAndMqttWildcards() throws Exception {
    String arn = "arn:aws:iot:eu-west-1:123456789012:";
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put("every-thing-shadow", arn + "topic/$aws/things/*/shadow/update");
    resources.put("every-topic-filter", arn + "topicfilter/+/#");
    resources.put("every-topic", arn + "topic/*");
    resources.put("every-resource", "*");
    resources.put("account-wide", arn + "*");
    resources.put("client-prefix", arn + "client/sensor-*");
    resources.put("single-char-thing", arn + "topic/$aws/things/cam-0?/shadow/get");
    resources.put("any-region", "arn:aws:iot:*:123456789012:topic/site/a");
    resources.put("variable-prefix", arn + "client/${iot:ClientId}*");
    resources.put("own-shadow", arn + "topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/update");
    resources.put("own-shadow-any-action", arn + "topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*");
    resources.put("scoped-prefix", arn + "topic/site/sensors/*");
    resources.put("own-client", arn + "client/${iot:ClientId}");
    resources.put("literal-star-escape", arn + "topic/site/${*}");
    resources.put("plus-in-a-topic", arn + "topic/site/+");
    List<Fact> devices = new ArrayList<>();
    resources.forEach((id, resource) -> devices.add(device(id).accessPolicy(new AccessPolicy(null, List.of(resource), null, null, null)).build()));
    Map<String, RuleResult> results = evaluate("{noneOf: accessPolicy.resources, where: {reachesOtherDevices: true}}",
        devices.toArray(Fact[]::new));
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    results.forEach((id, result) -> outcomes.put(id, result.outcome()));
    Map<String, Outcome> expected = new LinkedHashMap<>();
    resources.keySet().forEach(id -> expected.put(id, List.of("own-shadow", "own-shadow-any-action", "scoped-prefix",
        "own-client", "literal-star-escape", "plus-in-a-topic").contains(id) ? Outcome.PASS : Outcome.FAIL));
    assertEquals(expected, outcomes);
    assertResult(results.get("every-topic-filter"), Outcome.FAIL,
        "[accessPolicy.resources[0] = arn:aws:iot:eu-west-1:123456789012:topicfilter/+/# (expected not reachesOtherDevices true)]");
  }

  // ---------------------------------------------------------------- versions

  @Test
  void versionAtLeastIgnoresBuildMetadataAndOrdersVendorPatchesAfterTheirRelease() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: firmware.version, versionAtLeast: \"3.1.0\"}",
        device("build-metadata").firmware(firmware("3.1.0+build7")).build(),
        device("pre-release").firmware(firmware("3.1.0-rc.2+build9")).build(),
        device("dash-patch").firmware(firmware("3.1.0-p1")).build(),
        device("underscore-revision").firmware(firmware("3.1_r2")).build(),
        device("openssh-style").firmware(firmware("3.1p1")).build(),
        device("older-patched").firmware(firmware("3.0.9-p7")).build());
    assertResult(results.get("build-metadata"), Outcome.PASS, "[]");
    assertResult(results.get("pre-release"), Outcome.FAIL, "[firmware.version = 3.1.0-rc.2+build9 (expected versionAtLeast 3.1.0)]");
    assertResult(results.get("dash-patch"), Outcome.PASS, "[]");
    assertResult(results.get("underscore-revision"), Outcome.PASS, "[]");
    assertResult(results.get("openssh-style"), Outcome.PASS, "[]");
    assertResult(results.get("older-patched"), Outcome.FAIL, "[firmware.version = 3.0.9-p7 (expected versionAtLeast 3.1.0)]");

    Map<String, RuleResult> patches = evaluate("{field: firmware.version, versionAtLeast: \"3.1.0-p2\"}",
        device("p1").firmware(firmware("3.1.0-p1")).build(),
        device("p10").firmware(firmware("3.1.0_p10")).build(),
        device("release").firmware(firmware("3.1.0")).build(),
        device("next").firmware(firmware("3.1.1")).build());
    assertEquals(Outcome.FAIL, patches.get("p1").outcome());
    assertEquals(Outcome.PASS, patches.get("p10").outcome());
    assertEquals(Outcome.FAIL, patches.get("release").outcome());
    assertEquals(Outcome.PASS, patches.get("next").outcome());
  }

  // ---------------------------------------------------------------- vocabularies

  @Test
  void vocabularyLiteralsAndFactValuesCompareByTheirCanonicalForm() throws Exception {
    Map<String, RuleResult> results = evaluate("""
            {noneOf: services, where: {any: [{field: protocol, in: [Telnet, FTP]}, {anyOf: tlsVersions, where: {in: [TLSv1.0, "SSLv3"]}}]}}""",
        device("telnet-capitalised").services(List.of(service(8023, "Telnet", null, null))).build(),
        device("tls10-openssl").services(List.of(service(443, "https", true, List.of("TLSv1.0", "TLSv1.2")))).build(),
        device("modern").services(List.of(service(443, "ssl/http", true, List.of("tls1.2", "1.3")))).build());
    assertResult(results.get("telnet-capitalised"), Outcome.FAIL,
        "[services[0].protocol = telnet (expected notIn [Telnet, FTP])]");
    assertResult(results.get("tls10-openssl"), Outcome.FAIL, "[services[0].tlsVersions[0] = 1.0 (expected notIn [TLSv1.0, SSLv3])]");
    assertResult(results.get("modern"), Outcome.PASS, "[]");
  }

  @Test
  void aFactValueTheVocabularyDoesNotKnowMakesTheComparisonUnknown() throws Exception {
    Map<String, RuleResult> results = evaluate("{noneOf: services, where: {field: protocol, equals: telnet}}",
        device("gopher").services(List.of(service(70, "gopher-plus", null, null))).build());
    RuleResult gopher = results.get("gopher");
    assertEquals(Outcome.UNKNOWN, gopher.outcome());
    assertEquals(1, gopher.evidence().size());
    Evidence evidence = gopher.evidence().get(0);
    assertEquals("services[0].protocol", evidence.field());
    assertStartsWith("'gopher-plus' (not a recognised protocol; recognised: http, https, mqtt, mqtts, telnet, telnets, ssh,",
        ((Evidence.Actual.Value) evidence.actual()).text());
    assertStartsWith("services[0].protocol = 'gopher-plus' (not a recognised protocol", EvidenceText.line(evidence));
    assertTrue(EvidenceText.line(evidence).endsWith("(expected notEquals telnet)"), EvidenceText.line(evidence));

    Map<String, RuleResult> contains = evaluate("{anyOf: services, where: {field: tlsVersions, contains: \"1.3\"}}",
        device("found-anyway").services(List.of(service(443, "https", true, List.of("tls-13-draft", "1.3")))).build(),
        device("cannot-tell").services(List.of(service(443, "https", true, List.of("tls-13-draft", "1.2")))).build());
    assertEquals(Outcome.PASS, contains.get("found-anyway").outcome());
    assertEquals(Outcome.UNKNOWN, contains.get("cannot-tell").outcome());
    assertEquals("services[0].tlsVersions = [tls-13-draft, 1.2], with 'tls-13-draft' (not a recognised TLS version;"
        + " recognised: ssl2, ssl3, 1.0, 1.1, 1.2, 1.3, dtls1.0, dtls1.2, dtls1.3) (expected contains 1.3)",
        contains.get("cannot-tell").evidence().get(0).toString());
  }

  @Test
  void textOutsideVocabulariesStaysExact() throws Exception {
    Map<String, RuleResult> results = evaluate("{field: model, equals: CAM-100}",
        device("other-case").model("cam-100").build());
    assertEquals(Outcome.FAIL, results.get("other-case").outcome());
  }

  @Test
  void aPackLiteralTheVocabularyDoesNotKnowIsALoadProblemWithTheClosestValue() {
    PackLoadException problems = org.junit.jupiter.api.Assertions.assertThrows(PackLoadException.class,
        () -> evaluate("{noneOf: services, where: {field: protocol, in: [telnte, https]}}"));
    String problem = problems.problems().get(0).toString();
    assertStartsWith("operators.yaml:10:61: rule R: 'in' on 'protocol': 'telnte' is not a known protocol"
        + " (did you mean 'telnet'? known values: http, https, mqtt,", problem);
    PackLoadException algorithm = org.junit.jupiter.api.Assertions.assertThrows(PackLoadException.class,
        () -> evaluate("{field: credentials.certificate.signatureAlgorithm, notEquals: SHA1withRAS}"));
    assertStartsWith("operators.yaml:10:76: rule R: 'notEquals' on 'credentials.certificate.signatureAlgorithm': 'SHA1withRAS'"
        + " is not a known signature algorithm (did you mean 'SHA1withRSA'?", algorithm.problems().get(0).toString());
  }

  @Test
  void certificateAlgorithmsCompareByVocabulary() throws Exception {
    Map<String, RuleResult> results = evaluate("""
            {not: {field: credentials.certificate.signatureAlgorithm, in: [MD5withRSA, SHA1withRSA, SHA1withDSA, SHA1withECDSA]}}""",
        device("openssl-sha1").credentials(certificate("rsaEncryption", "sha1WithRSAEncryption")).build(),
        device("dashed-sha1-dsa").credentials(certificate("DSA", "SHA-1withDSA")).build(),
        device("sha256").credentials(certificate("EC", "ecdsa-with-SHA256")).build());
    assertResult(results.get("openssl-sha1"), Outcome.FAIL,
        "[credentials.certificate.signatureAlgorithm = SHA1withRSA (expected notIn [MD5withRSA, SHA1withRSA, SHA1withDSA, SHA1withECDSA])]");
    assertEquals(Outcome.FAIL, results.get("dashed-sha1-dsa").outcome());
    assertEquals(Outcome.PASS, results.get("sha256").outcome());
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, RuleResult> evaluate(String condition, Fact... facts) throws PackLoadException {
    return evaluateTarget("device", condition, facts);
  }

  private static Map<String, RuleResult> evaluateNetworks(String condition, Fact... facts) throws PackLoadException {
    return evaluateTarget("network", condition, facts);
  }

  private static Map<String, RuleResult> evaluateTarget(String target, String condition, Fact... facts) throws PackLoadException {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: operators, version: "1.0", title: Operators that fit the data}
        rules:
          - id: R
            title: Rule under test
            category: identity
            severity: high
            target: %s
            assert: %s
        """.formatted(target, condition);
    ComplianceEngine engine = ComplianceEngine.builder().pack(RulePacks.parse(pack, "operators.yaml")).clock(CLOCK).build();
    Map<String, RuleResult> results = new LinkedHashMap<>();
    for (RuleResult result : engine.evaluate(List.of(facts)).resultsForRule("R")) {
      results.put(result.factId(), result);
    }
    return results;
  }

  private static void assertResult(RuleResult result, Outcome outcome, String evidence) {
    assertEquals(outcome + " " + evidence, result.outcome() + " " + result.evidence(), result.message());
  }

  private static List<String> problems(String condition) {
    PackLoadException e = org.junit.jupiter.api.Assertions.assertThrows(PackLoadException.class, () -> evaluate(condition));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static void assertStartsWith(String prefix, String text) {
    assertEquals(prefix, text.substring(0, Math.min(prefix.length(), text.length())), text);
  }

  private static Device.Builder device(String id) {
    return Device.builder(id);
  }

  private static Network network(String id, String... allowlist) {
    return Network.builder(id).egress(new Egress(true, List.of(allowlist))).build();
  }

  private static Firmware firmware(String version) {
    return new Firmware(version, null, null, null);
  }

  private static Service service(int port, String protocol, Boolean tls, List<String> tlsVersions) {
    return new Service(null, port, null, protocol, null, null, tls, tlsVersions, null, null, null, null, null, null, null, null);
  }

  private static Credentials certificate(String keyAlgorithm, String signatureAlgorithm) {
    Certificate certificate = new Certificate(null, null, null, keyAlgorithm, 2048, signatureAlgorithm,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new Credentials(null, null, null, null, certificate, null);
  }
}
