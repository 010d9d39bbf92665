package dev.rampart.engine.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata a GRC reader cites a pack by: {@code metadata.frameworks}, the reference frameworks
 * the rules' references point into (edition, controls, controls no rule covers), and
 * {@code metadata.severities}, the rubric the rules' severities follow. Once declared, both are
 * checked against every rule.
 */
class FrameworksTest {

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata:
        id: test
        version: "1.0"
        title: Test pack
        frameworks:
          etsi-en-303-645:
            title: ETSI EN 303 645 Cyber Security for Consumer Internet of Things
            edition: V2.1.1 (2020-06)
            url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
            controls:
              5.1-1: no universal default passwords
              5.1-2: unique per-device passwords are not guessable
              5.1-4: a user can change the authentication value
            notCovered:
              5.1-4: whether a user can change the password is not a fact of the inventory
          owasp-iot-top10-2018:
            title: OWASP Internet of Things Top 10
            edition: "2018"
        severities:
          critical: an attacker takes control remotely with published knowledge
          high: a weakness a skilled attacker exploits
      rules:
        - id: IDN-001
          title: No default password
          category: identity
          severity: critical
          target: device
          assert: {field: credentials.defaultPassword, equals: false}
          references:
            etsi-en-303-645: [5.1-1, 5.1-2]
            owasp-iot-top10-2018: [I1]
      """;

  @Test
  void theDeclaredFrameworksAndRubricAreThePacksMetadata() throws PackLoadException {
    RulePack pack = RulePacks.parse(PACK, "pack.yaml");

    assertEquals(List.of(
            new Framework("etsi-en-303-645", "ETSI EN 303 645 Cyber Security for Consumer Internet of Things",
                "V2.1.1 (2020-06)",
                "https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf",
                Map.of("5.1-1", "no universal default passwords",
                    "5.1-2", "unique per-device passwords are not guessable",
                    "5.1-4", "a user can change the authentication value"),
                Map.of("5.1-4", "whether a user can change the password is not a fact of the inventory")),
            new Framework("owasp-iot-top10-2018", "OWASP Internet of Things Top 10", "2018", null, Map.of(), Map.of())),
        pack.frameworks());
    assertEquals(List.of("5.1-1", "5.1-2", "5.1-4"),
        List.copyOf(pack.framework("etsi-en-303-645").orElseThrow().controls().keySet()));
    assertEquals(List.of(Severity.CRITICAL, Severity.HIGH), List.copyOf(pack.severityRubric().keySet()));
  }

  @Test
  void aPackWithoutFrameworksCitesAnyReferenceUnchecked() throws PackLoadException {
    RulePack pack = RulePacks.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - {id: R1, title: A, category: identity, severity: info, target: device,
             assert: {field: credentials.defaultPassword, equals: false}, references: {anything: [X-1]}}
        """, "pack.yaml");

    assertEquals(List.of(), pack.frameworks());
    assertEquals(Map.of(), pack.severityRubric());
  }

  @Test
  void aReferenceToAnUndeclaredFrameworkIsReportedWithTheClosestDeclaredOne() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:33:7: rule IDN-001: reference to framework 'owasp-iot-top10', which the pack does not declare (did you mean 'owasp-iot-top10-2018'?)""",
        problems(PACK.replace("owasp-iot-top10-2018: [I1]", "owasp-iot-top10: [I1]")));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:33:7: rule IDN-001: reference to framework 'nist-sp-800-53', which the pack does not declare (declare it under metadata.frameworks with its title and edition)""",
        problems(PACK.replace("owasp-iot-top10-2018: [I1]", "nist-sp-800-53: [SC-7]")));
  }

  @Test
  void aControlAFrameworkDoesNotListIsReportedWithTheClosestListedOne() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:32:32: rule IDN-001: framework 'etsi-en-303-645' declares no control '5.1-22' (did you mean '5.1-2'?)""",
        problems(PACK.replace("[5.1-1, 5.1-2]", "[5.1-1, 5.1-22]")));
  }

  @Test
  void aControlListedAsNotCoveredMustNotBeCitedByARule() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:17:16: framework 'etsi-en-303-645': control '5.1-4' is listed as not covered, but rule IDN-001 cites it (remove it from notCovered, or the reference from the rule)""",
        problems(PACK.replace("[5.1-1, 5.1-2]", "[5.1-1, 5.1-4]")));
  }

  @Test
  void aNotCoveredControlMustBeOneTheFrameworkLists() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:17:9: framework 'etsi-en-303-645' declares no control '5.1-44' (did you mean '5.1-4'?)""",
        problems(PACK.replace("5.1-4: whether", "5.1-44: whether")));
  }

  @Test
  void aRulesSeverityMustBeOneTheRubricDefines() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:28:15: rule IDN-001: severity 'medium' is not defined by the pack's severities rubric (choose one of [critical, high], or say in metadata.severities what 'medium' means)""",
        problems(PACK.replace("severity: critical", "severity: medium")));
  }

  @Test
  void everyMistakeInTheDeclarationsIsReportedInOneRun() {
    String pack = PACK
        .replace("    edition: V2.1.1 (2020-06)\n", "    editon: V2.1.1 (2020-06)\n")
        .replace("url: https://www.etsi.org", "url: www.etsi.org")
        .replace("edition: \"2018\"", "edition: \"2018\"\n      notCovered: [I9]")
        .replace("high: a weakness", "hihg: a weakness");
    assertEquals("""
        4 problems in rule pack:
        1. pack.yaml:10:7: unknown key 'editon' in framework 'etsi-en-303-645' (did you mean 'edition'?)
        2. pack.yaml:11:12: framework 'etsi-en-303-645': url 'www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf' is not an http or https address (give the address where the edition can be read, e.g. https://www.etsi.org/...)
        3. pack.yaml:21:19: framework 'owasp-iot-top10-2018': 'notCovered' must map a control id to the reason no rule checks it, not a list (e.g. notCovered: {"5.1-4": ...})
        4. pack.yaml:24:5: unknown severity 'hihg' in severities (did you mean 'high'?)""",
        problems(pack));
  }

  @Test
  void frameworksThatAreNotAMappingAreOneProblemNotOnePerReference() {
    String pack = PACK.substring(0, PACK.indexOf("  frameworks:")) + "  frameworks: [etsi-en-303-645]\n"
        + PACK.substring(PACK.indexOf("  severities:"));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:7:15: 'frameworks' must map a framework key to its title and edition, not a list (e.g. frameworks: {etsi-en-303-645: {title: ETSI EN 303 645, edition: V2.1.1 (2020-06)}})""",
        problems(pack));
  }

  @Test
  void aTailoredPackKeepsTheBasesFrameworksAndRubricAndMayAddFrameworks(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), PACK);
    Files.writeString(dir.resolve("site.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata:
          id: site
          version: "1.0"
          title: Site pack
          frameworks:
            acme-policy: {title: ACME IoT policy, edition: "2026"}
        extends: ./base.yaml
        rules:
          - id: ACME-1
            title: Owner recorded
            category: operations
            severity: high
            target: device
            assert: {field: owner, exists: true}
            references: {acme-policy: [P-4]}
        """);

    RulePack site = RulePacks.load(dir.resolve("site.yaml"));

    assertEquals(List.of("etsi-en-303-645", "owasp-iot-top10-2018", "acme-policy"),
        site.frameworks().stream().map(Framework::key).toList());
    assertEquals(List.of(Severity.CRITICAL, Severity.HIGH), List.copyOf(site.severityRubric().keySet()));
  }

  @Test
  void aTailoredPackCannotRedeclareABaseFrameworkNorCiteAnUndeclaredOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), PACK);
    String site = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata:
          id: site
          version: "1.0"
          title: Site pack
          frameworks:
            owasp-iot-top10-2018: {title: OWASP IoT Top 10, edition: "2018"}
        extends: ./base.yaml
        rules:
          - id: ACME-1
            title: Owner recorded
            category: operations
            severity: low
            target: device
            assert: {field: owner, exists: true}
            references: {acme: [P-4]}
        """;
    Files.writeString(dir.resolve("site.yaml"), site);
    String name = dir.resolve("site.yaml").toString();

    assertEquals("""
        3 problems in rule pack:
        1. %1$s:8:5: framework 'owasp-iot-top10-2018' is already declared by base pack 'test' (remove it here; the base's declaration applies)
        2. %1$s:14:15: rule ACME-1: severity 'low' is not defined by the pack's severities rubric (choose one of [critical, high], or say in metadata.severities what 'low' means)
        3. %1$s:17:18: rule ACME-1: reference to framework 'acme', which the pack does not declare (declare it under metadata.frameworks with its title and edition)"""
            .formatted(name),
        message(assertThrows(PackLoadException.class, () -> RulePacks.load(dir.resolve("site.yaml")))));
  }

  private static String problems(String pack) {
    return message(assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml")));
  }

  /** The message with this platform's line separators as {@code \n}, as text blocks write them. */
  private static String message(PackLoadException e) {
    return e.getMessage().lines().collect(Collectors.joining("\n"));
  }
}
