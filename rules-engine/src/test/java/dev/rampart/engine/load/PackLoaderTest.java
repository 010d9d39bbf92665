package dev.rampart.engine.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a pack author sees for each kind of mistake: the place (file:line:column and rule), the
 * offending value quoted, and the fix. Loading collects every problem, so one run shows them all.
 */
class PackLoaderTest {

  @Test
  void anUnknownFieldIsReportedWithTheClosestValidName() {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - id: IDN-002
            title: No default password
            category: identity
            severity: critical
            target: device
            assert: {field: credentials.defaultPasword, equals: false}
        """;
    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml"));
    assertEquals(List.of(new Problem("pack.yaml", 10, 21, "IDN-002",
            "unknown field 'credentials.defaultPasword': 'credentials' has no field 'defaultPasword'",
            "did you mean 'credentials.defaultPassword'?")),
        e.problems());
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:21: rule IDN-002: unknown field 'credentials.defaultPasword': 'credentials' has no field 'defaultPasword' (did you mean 'credentials.defaultPassword'?)""",
        message(e));
  }

  @Test
  void anOrderingOperatorOnAnEnumerationSuggestsInOrEquals() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:47: rule R1: operator 'greaterThan' does not apply to 'criticality' of type enumeration \
        (low, medium, high, critical) (its values have no order: use 'in' with the values that pass, or 'equals' for one)""",
        problems(rule("assert: {field: criticality, greaterThan: medium}")));
  }

  @Test
  void anUnquotedDecimalVersionIsRefusedBecauseYamlReadsItAsANumber() {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata:
          id: test
          version: 2.10
          title: Test pack
        rules:
          - {id: R1, title: A, category: identity, severity: high, target: device, assert: {field: owner, exists: true}}
        """;
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:5:12: metadata.version 2.10 is a number to YAML, the same as 2.1; a version is text \
        (quote it: version: "2.10")""",
        problems(pack));
  }

  @Test
  void anOperatorMustSuitTheFieldsType() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:63: rule R1: operator 'greaterThan' does not apply to 'credentials.defaultPassword' of type boolean (compare numbers, dates or date-times)""",
        problems(rule("assert: {field: credentials.defaultPassword, greaterThan: 1}")));
  }

  @Test
  void aLiteralMustHaveTheFieldsType() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:58: rule R1: 'equals' on 'credentials.defaultPassword': expected a boolean (true or false) but found the string 'yes' (write true or false, without quotes: packs are read as YAML 1.2, in which yes, no, on and off are text)""",
        problems(rule("assert: {field: credentials.defaultPassword, equals: \"yes\"}")));
  }

  @Test
  void aNumberWhereTextIsExpectedIsToBeQuoted() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:69: rule R1: 'contains' on 'tlsVersions': expected a string but found the number 1.2 (quote it: "1.2")""",
        problems(rule("assert: {anyOf: services, where: {field: tlsVersions, contains: 1.2}}")));
  }

  @Test
  void anUnknownEnumValueIsReportedWithTheClosestValidValue() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:56: rule R1: 'in' on 'zone': 'iott' is not a value of zone (did you mean 'iot'?)""",
        problems(rule("assert: {allOf: networks, where: {field: zone, in: [iott, ot]}}")));
  }

  @Test
  void ruleIdsAreUnique() {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - {id: IDN-001, title: A, category: identity, severity: high, target: device, assert: {field: credentials.defaultPassword, equals: false}}
          - {id: IDN-001, title: B, category: identity, severity: high, target: device, assert: {field: credentials.sharedPassword, equals: false}}
        """;
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:6:10: rule IDN-001: duplicate rule id 'IDN-001' (first defined at line 5) (give each rule its own id)""",
        problems(pack));
  }

  @Test
  void anUnknownParameterIsReportedWithTheClosestDeclaredOne() {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        parameters:
          minKeySize: {type: integer, default: 2048}
        rules:
          - id: R1
            title: Strong keys
            category: identity
            severity: high
            target: device
            assert: {field: credentials.certificate.keySize, atLeast: {param: minKeySise}}
        """;
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:12:71: rule R1: unknown parameter 'minKeySise' (did you mean 'minKeySize'?)""",
        problems(pack));
  }

  @Test
  void aParameterMustBeDeclared() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:71: rule R1: unknown parameter 'minKeySize' (declare it under 'parameters:' at the top of the pack)""",
        problems(rule("assert: {field: credentials.certificate.keySize, atLeast: {param: minKeySize}}")));
  }

  /** A misspelt required key is one mistake: it is reported once, as the unknown key with its correction. */
  @Test
  void anUnknownKeyInARuleIsReportedWithTheClosestValidKey() {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - id: R1
            title: No default password
            category: identity
            severty: high
            target: device
            assert: {field: credentials.defaultPassword, equals: false}
        """;
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:8:5: rule R1: unknown key 'severty' in rule (did you mean 'severity'?)""",
        problems(pack));
  }

  @Test
  void aMisspeltRequiredKeyIsNotAlsoReportedAsMissing() {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", titel: Test pack}
        rules:
          - id: R1
            titel: No default password
            category: identity
            severity: high
            target: device
            asert: {field: credentials.defaultPassword, equals: false}
          - id: R2
            category: identity
            severity: high
            target: device
            assert: {field: credentials.defaultPassword, equals: false}
        """;
    assertEquals("""
        4 problems in rule pack:
        1. pack.yaml:3:38: unknown key 'titel' in metadata (did you mean 'title'?)
        2. pack.yaml:6:5: rule R1: unknown key 'titel' in rule (did you mean 'title'?)
        3. pack.yaml:10:5: rule R1: unknown key 'asert' in rule (did you mean 'assert'?)
        4. pack.yaml:11:5: rule R2: missing 'title' in rule""",
        problems(pack));
  }

  @Test
  void aRegularExpressionMustCompile() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:36: rule R1: 'matches' on 'name': invalid regular expression '(a': missing closing ) (Rampart uses RE2 syntax (no backreferences or lookaround); check the pattern)""",
        problems(rule("assert: {field: name, matches: \"(a\"}")));
  }

  @Test
  void aDurationIsIso8601() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:56: rule R1: 'olderThan' on 'lifecycle.endOfSupport': expected an ISO-8601 duration but found the string '30 days' (write for example P30D (30 days), P1Y (a year) or PT12H (12 hours))""",
        problems(rule("assert: {field: lifecycle.endOfSupport, olderThan: \"30 days\"}")));
  }

  @Test
  void aNetworkIsAnAddressWithAPrefixThatFits() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:50: rule R1: 'inCidr' on the list element: expected a network such as 10.0.0.0/8 but found the string '10.0.0.0/33' (write an IPv4 or IPv6 address with a prefix length, e.g. 192.168.0.0/16)""",
        problems(rule("assert: {allOf: ipAddresses, where: {inCidr: [\"10.0.0.0/33\"]}}")));
  }

  @Test
  void everyRuleAsserts() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:5:5: rule R1: missing 'assert' (add the condition a compliant device satisfies)""",
        problems(rule("when: {field: credentials.authMethod, notEquals: none}")));
  }

  @Test
  void onlyApiVersionV1IsRead() {
    String pack = """
        apiVersion: rampart.dev/v2
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - {id: R1, title: A, category: identity, severity: high, target: device, assert: {field: credentials.defaultPassword, equals: false}}
        """;
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:1:13: unsupported apiVersion 'rampart.dev/v2' (write 'apiVersion: rampart.dev/v1')""",
        problems(pack));
  }

  @Test
  void aYamlSyntaxErrorNamesTheLineAndColumnAndWhatIsWrong() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:11:1: not valid YAML: the end of the file comes before the mapping in braces that starts at line 10, \
        column 13 is closed; add its closing '}'""",
        problems(rule("assert: {field: credentials.defaultPassword, equals: false")));
  }

  @Test
  void aMisindentedLineIsReportedWithAHint() {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - id: R1
           title: No default password
        """;
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:6:4: not valid YAML: this line is not indented like the rest of the list or mapping that starts \
        at line 5, column 3; indent each key of a mapping, and each '-' of a list, exactly as far as the others""",
        problems(pack));
  }

  @Test
  void anAliasBombIsRejectedAtOnce() throws Exception {
    PackLoadException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(PackLoadException.class,
        () -> RulePacks.fromClasspath("dev/rampart/engine/load/billion-laughs.yaml")));
    assertEquals("""
        1 problem in rule pack:
        1. classpath:dev/rampart/engine/load/billion-laughs.yaml:5:14: YAML alias '*lol1' is not supported; write the value out in full (packs do not use anchors and aliases)""",
        message(e));
  }

  @Test
  void aKeyAppearsOnceInAMapping() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:11:5: duplicate key 'assert' (first at line 10); remove one of them""",
        problems(rule("""
            assert: {field: credentials.defaultPassword, equals: false}
                assert: {field: credentials.sharedPassword, equals: false}""")));
  }

  @Test
  void uniqueIsRejectedInsideAQuantifier() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:46: rule R1: 'unique' cannot be used inside a quantifier: it compares a field of the rule's target fact across all facts of its type (move it out of the quantifier, e.g. {field: credentials.fingerprint, unique: true})""",
        problems(rule("assert: {allOf: services, where: {field: product, unique: true}}")));
  }

  @Test
  void aListOfReferencesIsNotAPlainField() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:21: rule R1: 'networks' is a list of references to networks (test it with a quantifier, e.g. 'allOf: networks' with 'where: {field: ..., ...}')""",
        problems(rule("assert: {field: networks, exists: true}")));
  }

  @Test
  void aParameterOverrideMustHaveTheParametersType() throws Exception {
    RulePack pack = RulePacks.parse(PARAMETERISED, "pack.yaml");
    PackLoadException e = assertThrows(PackLoadException.class,
        () -> ComplianceEngine.builder().pack(pack).parameter("minKeySize", "big").build());
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:5:15: parameter 'minKeySize' = 'big': must be a whole number, not 'big' (give a value of type integer that fits, e.g. the default 2048)""",
        message(e));
  }

  @Test
  void anUnknownParameterOverrideIsReportedWithTheClosestDeclaredOne() throws Exception {
    RulePack pack = RulePacks.parse(PARAMETERISED, "pack.yaml");
    PackLoadException e = assertThrows(PackLoadException.class,
        () -> ComplianceEngine.builder().pack(pack).parameter("minKeySise", "4096").build());
    assertEquals("""
        1 problem in rule pack:
        1. parameters: unknown parameter 'minKeySise' (did you mean 'minKeySize'?)""",
        message(e));
  }

  @Test
  void everyMistakeInAPackIsReportedInOneRunNumbered() {
    PackLoadException e = assertThrows(PackLoadException.class,
        () -> RulePacks.fromClasspath("dev/rampart/engine/load/several-mistakes.yaml"));
    assertEquals("""
        7 problems in rule pack:
        1. classpath:dev/rampart/engine/load/several-mistakes.yaml:12:21: rule IDN-001: unknown field 'credentials.defaultPasword': 'credentials' has no field 'defaultPasword' (did you mean 'credentials.defaultPassword'?)
        2. classpath:dev/rampart/engine/load/several-mistakes.yaml:18:71: rule IDN-002: unknown parameter 'minKeySise' (did you mean 'minKeySize'?)
        3. classpath:dev/rampart/engine/load/several-mistakes.yaml:26:32: rule SEG-001: 'in' on 'zone': 'iott' is not a value of zone (did you mean 'iot'?)
        4. classpath:dev/rampart/engine/load/several-mistakes.yaml:27:9: rule IDN-001: duplicate rule id 'IDN-001' (first defined at line 7) (give each rule its own id)
        5. classpath:dev/rampart/engine/load/several-mistakes.yaml:30:5: rule IDN-001: unknown key 'severty' in rule (did you mean 'severity'?)
        6. classpath:dev/rampart/engine/load/several-mistakes.yaml:34:40: rule IDN-001: 'matches' on 'product': invalid regular expression '(telnet': missing closing ) (Rampart uses RE2 syntax (no backreferences or lookaround); check the pattern)
        7. classpath:dev/rampart/engine/load/several-mistakes.yaml:35:5: rule LIF-001: missing 'assert' (add the condition a compliant device satisfies)""",
        message(e));
  }

  private static final String PARAMETERISED = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: test, version: "1.0", title: Test pack}
      parameters:
        minKeySize: {type: integer, default: 2048, description: smallest RSA key in bits}
      rules:
        - id: R1
          title: Strong keys
          category: identity
          severity: high
          target: device
          assert: {field: credentials.certificate.keySize, atLeast: {param: minKeySize}}
      """;

  /** A pack whose one rule, R1, has the given line(s) after {@code target: device}, at line 10. */
  private static String rule(String lines) {
    return """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - id: R1
            title: Test rule
            category: identity
            severity: high
            target: device
        """ + "    " + lines + "\n";
  }

  private static String problems(String pack) {
    return message(assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml")));
  }

  /** The message with this platform's line separators as {@code \n}, as text blocks write them. */
  private static String message(PackLoadException e) {
    return e.getMessage().lines().collect(Collectors.joining("\n"));
  }
}
