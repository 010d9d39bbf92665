package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.ParameterType;
import dev.rampart.engine.value.Problem;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters are typed: lists parse from the bracket form the docs use (and from a comma list),
 * numbers and durations stay within the range the pack declares, and what the engine shows of a
 * parameter (its default, the fix in a message) can be given back as an override.
 */
class TypedParametersTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: params, version: "1.0", title: Typed parameters}
      parameters:
        weakTlsVersions:
          type: list
          default: [ssl3, "1.0"]
          description: versions no service may offer
        minRsaKeySize:
          type: integer
          default: 2048
          minimum: 1024
          maximum: 16384
        certExpiryWarning:
          type: duration
          default: P30D
          minimum: P0D
          maximum: P2Y
      rules:
        - id: TLS
          title: No weak TLS
          category: procurement
          severity: high
          target: device
          assert:
            noneOf: services
            where: {anyOf: tlsVersions, where: {in: {param: weakTlsVersions}}}
        - id: RSA
          title: Long RSA keys
          category: identity
          severity: high
          target: device
          assert: {field: credentials.certificate.keySize, atLeast: {param: minRsaKeySize}}
        - id: EXPIRY
          title: Not expiring soon
          category: identity
          severity: medium
          target: device
          assert:
            not: {field: credentials.certificate.notAfter, within: {param: certExpiryWarning}}
      """;

  private static final Device TLS_11 = Device.builder("tls-11")
      .services(List.of(new Service(null, 443, null, "https", null, null, true, List.of("1.1", "1.2"),
          null, null, null, null, null, null, null, null)))
      .credentials(new Credentials(null, null, null, null, new Certificate(null, null, null, "RSA", 3072, null, null,
          Instant.parse("2027-01-20T00:00:00Z"), null, null, null, null, null, null, null, null, null, null, null, null), null))
      .build();

  @Test
  void aListParameterParsesFromTheBracketFormTheDocsUse() throws Exception {
    for (String written : List.of("[1.0, 1.1]", "[\"1.0\", '1.1']", "1.0,1.1", " [ TLSv1.0 , tls1.1 ] ")) {
      assertEquals(Outcome.FAIL, outcome("TLS", b -> b.parameter("weakTlsVersions", written)), written);
    }
    assertEquals(Outcome.FAIL, outcome("TLS", b -> b.parameter("weakTlsVersions", List.of("1.0", "TLSv1.1"))));
    assertEquals(Outcome.PASS, outcome("TLS", b -> b.parameter("weakTlsVersions", "[1.0]")));
  }

  @Test
  void strayBracketsAndQuotesAreRefusedWithTheFix() {
    assertEquals("""
        1. params.yaml:6:5: parameter 'weakTlsVersions' = '[1.0, 1.1': the list '[1.0, 1.1' has an unmatched bracket: \
        write it as [a, b] or as a, b (give a value of type list that fits, e.g. the default [ssl3, 1.0])""",
        problems(b -> b.parameter("weakTlsVersions", "[1.0, 1.1")));
    assertEquals("""
        1. params.yaml:6:5: parameter 'weakTlsVersions' = '[1.0, [1.1]]': the list element '[1.1]' has a stray [: write the \
        list as [a, b], quoting an element that holds a bracket or quote mark (give a value of type list that fits, e.g. \
        the default [ssl3, 1.0])""",
        problems(b -> b.parameter("weakTlsVersions", "[1.0, [1.1]]")));
    assertEquals("""
        1. params.yaml:6:5: parameter 'weakTlsVersions' = '["1.0, 1.1]': the list '["1.0, 1.1]' has an unclosed quote ": \
        close each quoted element, e.g. ["a, b", c] (give a value of type list that fits, e.g. the default [ssl3, 1.0])""",
        problems(b -> b.parameter("weakTlsVersions", "[\"1.0, 1.1]")));
  }

  @Test
  void anOverrideOutsideTheDeclaredRangeIsRefusedNamingTheRange() {
    assertEquals("""
        1. params.yaml:10:5: parameter 'minRsaKeySize' = '-5': must be at least 1024 (the range is 1024 to 16384) \
        (give a value of type integer within 1024..16384 that fits, e.g. the default 2048)""",
        problems(b -> b.parameter("minRsaKeySize", "-5")));
    assertEquals("""
        1. params.yaml:15:5: parameter 'certExpiryWarning' = 'P-1D': must be at least P0D (the range is P0D to P2Y) \
        (give a value of type duration within P0D..P2Y that fits, e.g. the default P30D)""",
        problems(b -> b.parameter("certExpiryWarning", "P-1D")));
    assertEquals("""
        1. params.yaml:10:5: parameter 'minRsaKeySize' = '100000': must be at most 16384 (the range is 1024 to 16384) \
        (give a value of type integer within 1024..16384 that fits, e.g. the default 2048)""",
        problems(b -> b.parameter("minRsaKeySize", 100_000L)));
  }

  @Test
  void typedOverloadsTakeValuesOfTheParametersType() throws Exception {
    assertEquals(Outcome.FAIL, outcome("RSA", b -> b.parameter("minRsaKeySize", 4096L)));
    assertEquals(Outcome.PASS, outcome("RSA", b -> b.parameter("minRsaKeySize", 3072L)));
    assertEquals(Outcome.FAIL, outcome("EXPIRY", b -> b.parameter("certExpiryWarning", Duration.ofDays(60))));
    assertEquals(Outcome.PASS, outcome("EXPIRY", b -> b.parameter("certExpiryWarning", Duration.ofDays(10))));
    assertEquals("""
        1. params.yaml:10:5: parameter 'minRsaKeySize' = 'PT24H': the parameter is of type integer, not duration (give \
        a value of type integer within 1024..16384 that fits, e.g. the default 2048)""",
        problems(b -> b.parameter("minRsaKeySize", Duration.ofDays(1))));
  }

  @Test
  void eachRuleNamesTheParametersItsConditionsUseEvenInsideQuantifiersAndNot() throws Exception {
    RulePack pack = RulePacks.parse(PACK, "params.yaml");
    assertEquals(List.of("weakTlsVersions"), names(pack.parametersUsedBy("TLS")));
    assertEquals(List.of("minRsaKeySize"), names(pack.parametersUsedBy("RSA")));
    assertEquals(List.of("certExpiryWarning"), names(pack.parametersUsedBy("EXPIRY")));
    assertEquals(List.of(), pack.parametersUsedBy("NO-SUCH-RULE"));
  }

  @Test
  void theParameterShowsItsRangeAndADefaultThatParsesBack() throws Exception {
    RulePack pack = RulePacks.parse(PACK, "params.yaml");
    assertEquals(List.of(
            new Parameter("weakTlsVersions", ParameterType.LIST, "[ssl3, 1.0]", "versions no service may offer"),
            new Parameter("minRsaKeySize", ParameterType.INTEGER, "2048", "", "1024", "16384"),
            new Parameter("certExpiryWarning", ParameterType.DURATION, "P30D", "", "P0D", "P2Y")),
        pack.parameters());
    ComplianceEngine.Builder builder = ComplianceEngine.builder().pack(pack).clock(CLOCK);
    pack.parameters().forEach(p -> builder.parameter(p.name(), p.defaultValue()));
    assertEquals(Outcome.PASS, builder.build().evaluate(List.of(TLS_11)).resultsForRule("TLS").get(0).outcome());
  }

  @Test
  void aListElementWithACommaIsQuotedSoThatItParsesBack() throws Exception {
    RulePack pack = RulePacks.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: sites, version: "1.0", title: Sites}
        parameters:
          sites: {type: list, default: ["north, building 2", south]}
        rules:
          - {id: SITE, title: Known site, category: operations, severity: low, target: device,
             assert: {field: attributes.site, in: {param: sites}}}
        """, "sites.yaml");
    String shown = pack.parameters().get(0).defaultValue();
    assertEquals("[\"north, building 2\", south]", shown);
    Device device = Device.builder("d").attributes(java.util.Map.of("site", "north, building 2")).build();
    Report report = ComplianceEngine.builder().pack(pack).parameter("sites", shown).build().evaluate(List.of(device));
    assertEquals(Outcome.PASS, report.resultsForRule("SITE").get(0).outcome());

    // the fix of a refusal names the default the same way, so it can be pasted back
    PackLoadException refused = assertThrows(PackLoadException.class,
        () -> ComplianceEngine.builder().pack(pack).parameter("sites", "[north").build());
    String fix = refused.problems().get(0).suggestion();
    assertEquals("give a value of type list that fits, e.g. the default [\"north, building 2\", south]", fix);
    String pasted = fix.substring(fix.indexOf("e.g. the default ") + "e.g. the default ".length());
    Report again = ComplianceEngine.builder().pack(pack).parameter("sites", pasted).build().evaluate(List.of(device));
    assertEquals(Outcome.PASS, again.resultsForRule("SITE").get(0).outcome());
  }

  @Test
  void aBadDefaultIsReportedOnceNotAgainAsAnUnknownParameterOfTheRulesUsingIt() {
    PackLoadException problems = assertThrows(PackLoadException.class, () -> RulePacks.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: bad-default, version: "1.0", title: Bad default}
        parameters:
          minKeySize: {type: integer, default: big}
        rules:
          - {id: R, title: R, category: operations, severity: low, target: device,
             assert: {field: attributes.keySize, greaterThan: {param: minKeySize}}}
        """, "bad-default.yaml"));
    assertEquals("""
        1 problem in rule pack:
        1. bad-default.yaml:5:40: default of parameter 'minKeySize' must be a whole number, not the string 'big'""",
        problems.getMessage());
  }

  @Test
  void aPackRangeIsCheckedWhenThePackLoads() {
    PackLoadException problems = assertThrows(PackLoadException.class, () -> RulePacks.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: ranges, version: "1.0", title: Ranges}
        parameters:
          low: {type: integer, default: 10, minimum: 100}
          swapped: {type: number, default: 5, minimum: 10, maximum: 1}
          text: {type: string, default: a, minimum: 1}
          window: {type: duration, default: P1D, minimum: one day}
        rules:
          - {id: R, title: R, category: operations, severity: low, target: device, assert: {field: owner, exists: true}}
        """, "ranges.yaml"));
    assertEquals("""
        4 problems in rule pack:
        1. ranges.yaml:5:33: default of parameter 'low' must be at least 100 (give a default within the range)
        2. ranges.yaml:6:61: parameter 'swapped' has maximum 1 below its minimum 10 (swap them, or widen the range)
        3. ranges.yaml:7:36: parameter 'text' of type string has no range (remove 'minimum': only integer, number and \
        duration parameters take minimum and maximum)
        4. ranges.yaml:8:51: 'minimum' of parameter 'window' must be an ISO-8601 duration such as P30D, not the string 'one day'""",
        problems.getMessage());
  }

  @Test
  void aTailoredDefaultIsCheckedAgainstTheBasesRangeAndCannotChangeIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), PACK);
    Files.writeString(dir.resolve("site.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: site, version: "1.0", title: Site}
        extends: base.yaml
        parameters:
          minRsaKeySize: {default: 512}
          certExpiryWarning: {default: P60D, maximum: P10Y}
        """);
    PackLoadException problems = assertThrows(PackLoadException.class, () -> RulePacks.load(dir.resolve("site.yaml")));
    String site = dir.resolve("site.yaml").toString();
    assertEquals(List.of(
            site + ":6:28: default of parameter 'minRsaKeySize' must be at least 1024 (the range is 1024 to 16384)"
                + " (give a default within the range)",
            site + ":7:38: parameter 'certExpiryWarning' takes its range from base pack 'params'; an override keeps it"
                + " (remove 'minimum' and 'maximum', and give a default within the base's range)"),
        problems.problems().stream().map(Problem::toString).toList());
  }

  private static Outcome outcome(String ruleId, UnaryOperator<ComplianceEngine.Builder> configure) throws PackLoadException {
    ComplianceEngine.Builder builder = ComplianceEngine.builder().pack(RulePacks.parse(PACK, "params.yaml")).clock(CLOCK);
    return configure.apply(builder).build().evaluate(List.of(TLS_11)).resultsForRule(ruleId).get(0).outcome();
  }

  private static String problems(UnaryOperator<ComplianceEngine.Builder> configure) {
    PackLoadException e = assertThrows(PackLoadException.class, () -> configure.apply(
        ComplianceEngine.builder().pack(RulePacks.parse(PACK, "params.yaml")).clock(CLOCK)).build());
    return e.problems().stream().map(p -> "1. " + p).collect(Collectors.joining("\n"));
  }

  private static List<String> names(List<Parameter> parameters) {
    return parameters.stream().map(Parameter::name).toList();
  }
}
