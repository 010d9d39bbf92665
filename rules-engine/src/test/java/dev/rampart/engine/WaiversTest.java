package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Problem;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a waiver author sees: the waivers a file holds, or every mistake with its place and fix. */
class WaiversTest {

  final EvaluationTest fixtures = new EvaluationTest();

  @TempDir Path dir;

  @Test
  void aFileHoldsWaiversWithTheirSelectorsAndWhereEachIsDefined() throws Exception {
    List<Waiver> waivers = Waivers.parse("""
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - rule: no-telnet
            factId: bad
            justification: The telnet port is firewalled until the replacement arrives
            approvedBy: jane.doe (CISO)
            expires: 2026-12-31
          - rule: "*-password"
            factType: device
            factId: "cam-*"
            where: {field: attributes.site, equals: dock}
            justification: Dock cameras are replaced in Q1
            approvedBy: sam
            expires: 2027-03-31
        """, "waivers.yaml", fixtures.engine().rules());

    assertEquals(List.of(
        new Waiver("no-telnet", null, "bad", null, "The telnet port is firewalled until the replacement arrives",
            "jane.doe (CISO)", LocalDate.of(2026, 12, 31), "waivers.yaml:4:5"),
        new Waiver("*-password", FactType.DEVICE, "cam-*", new Waiver.FieldMatch("attributes.site", "dock"),
            "Dock cameras are replaced in Q1", "sam", LocalDate.of(2027, 3, 31), "waivers.yaml:9:5")),
        waivers);
  }

  @Test
  void everyMistakeIsReportedAtOnceWithItsPlaceAndFix() throws Exception {
    String file = """
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - rule: no-telnett
            justfication: firewalled
            approvedBy: jane
            expires: 2026-13-01
          - rule: "no-*"
            factType: devise
            justification: "  "
            expires: 2026-12-31
          - rule: no-telnet
            factType: device
            where: {field: ownr, equals: facilities}
            justification: ok
            approvedBy: jane
            expires: 2026-12-31
          - rule: no-telnet
            factType: device
            where: {field: deviceClass, equals: gatway}
            justification: ok
            approvedBy: [jane, sam]
            expires: 31.12.2026
        """;
    WaiverLoadException e = assertThrows(WaiverLoadException.class,
        () -> Waivers.parse(file, "waivers.yaml", fixtures.engine().rules()));

    assertEquals("""
        11 problems in waiver file:
        1. waivers.yaml:4:5: waivers[0]: missing 'justification' (say why the findings are accepted)
        2. waivers.yaml:4:11: waivers[0].rule: no rule 'no-telnett' in the packs (did you mean 'no-telnet'?)
        3. waivers.yaml:5:5: waivers[0]: unknown key 'justfication' (did you mean 'justification'?)
        4. waivers.yaml:7:14: waivers[0].expires: '2026-13-01' is not a date (write YYYY-MM-DD, e.g. 2026-12-31)
        5. waivers.yaml:8:5: waivers[1]: missing 'approvedBy' (name who accepted them)
        6. waivers.yaml:9:15: waivers[1].factType: unknown fact type 'devise' (did you mean 'device'?)
        7. waivers.yaml:10:20: waivers[1].justification is empty (say why the findings are accepted)
        8. waivers.yaml:14:20: waivers[2].where.field: device has no field 'ownr' (did you mean 'owner'?)
        9. waivers.yaml:20:41: waivers[3].where.equals: 'gatway' is not a value of 'deviceClass' \
        (did you mean 'gateway'?)
        10. waivers.yaml:22:17: waivers[3].approvedBy must be text, found a list (name who accepted them)
        11. waivers.yaml:23:14: waivers[3].expires: '31.12.2026' is not a date (write YYYY-MM-DD, e.g. 2026-12-31)
        """.strip().replace("\n", System.lineSeparator()), e.getMessage());
  }

  @Test
  void aWhereFieldThatIsNoPathIsRefusedAtItsPlaceNamingTheColumn() {
    String file = """
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - rule: no-telnet
            factType: device
            where: {field: "attributes..site", equals: dock}
            justification: ok
            approvedBy: jane
            expires: 2026-12-31
          - rule: no-telnet
            factType: device
            where: {field: "services[0].port", equals: "23"}
            justification: ok
            approvedBy: jane
            expires: 2026-12-31
        """;
    WaiverLoadException e = assertThrows(WaiverLoadException.class,
        () -> Waivers.parse(file, "waivers.yaml", fixtures.engine().rules()));

    assertEquals("""
        2 problems in waiver file:
        1. waivers.yaml:6:20: waivers[0].where.field: field path 'attributes..site', column 12: a field name is missing \
        between two dots (write a name at column 12, e.g. 'firmware.version')
        2. waivers.yaml:12:20: waivers[1].where.field: 'services' is a list; a waiver compares one value \
        (select the facts by id, type or another field)
        """.strip().replace("\n", System.lineSeparator()), e.getMessage());
  }

  @Test
  void aWaiverBuiltInCodeRefusesAWhereFieldThatIsNoPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Waiver.forRule("no-telnet").where("attributes[", "dock"));

    assertEquals("waiver 'where' field: field path 'attributes[', column 11: '[' is not closed "
        + "(close it with ']', e.g. 'services[0]')", e.getMessage());
  }

  @Test
  void aWhereFieldIsThePathAsAValue() {
    Waiver.FieldMatch match = new Waiver.FieldMatch("attributes.site", "dock");

    assertEquals(FieldPath.of("attributes").field("site"), match.path());
    assertEquals("attributes.site", match.field());
    assertEquals(new Waiver.FieldMatch(FieldPath.parse("attributes.site"), "dock"), match);
  }

  @Test
  void aWhereTrustsTheInventoryUnlessTheWaiverNamesTheSourcesItTrusts() throws Exception {
    List<Waiver> waivers = Waivers.parse("""
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - rule: no-telnet
            where: {field: attributes.env, equals: lab}
            justification: Lab devices
            approvedBy: jane
            expires: 2026-12-31
          - rule: no-telnet
            where: {field: attributes.env, equals: lab}
            trustedSources: [inventory, azure-iot-hub]
            justification: Lab devices
            approvedBy: jane
            expires: 2026-12-31
        """, "waivers.yaml");

    assertEquals(List.of(List.of("inventory"), List.of("inventory", "azure-iot-hub")),
        waivers.stream().map(Waiver::trustedSources).toList());
    assertEquals("no-telnet for every fact where attributes.env = lab (trusting inventory, azure-iot-hub)",
        waivers.get(1).describe());
  }

  @Test
  void trustedSourcesMistakesAreReportedWithTheirPlaceAndFix() {
    String file = """
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - rule: no-telnet
            trustedSources: [netbox]
            justification: ok
            approvedBy: jane
            expires: 2026-12-31
          - rule: no-telnet
            where: {field: attributes.env, equals: lab}
            trustedSources: [inventory, "Azure IoT Hub", inventory, [nmap]]
            justification: ok
            approvedBy: jane
            expires: 2026-12-31
          - rule: no-telnet
            where: {field: attributes.env, equals: lab}
            trustedSources: []
            justification: ok
            approvedBy: jane
            expires: 2026-12-31
        """;
    WaiverLoadException e = assertThrows(WaiverLoadException.class, () -> Waivers.parse(file, "waivers.yaml"));

    assertEquals("""
        5 problems in waiver file:
        1. waivers.yaml:5:21: waivers[0].trustedSources: only a 'where' reads a value whose source is trusted \
        (remove trustedSources, or add where: {field: PATH, equals: VALUE})
        2. waivers.yaml:11:33: waivers[1].trustedSources[1]: 'Azure IoT Hub' is not a source type \
        (name one as in --source TYPE:..., e.g. inventory or azure-iot-hub ('rampart adapters' lists them))
        3. waivers.yaml:11:50: waivers[1].trustedSources[2]: 'inventory' is listed twice (remove one)
        4. waivers.yaml:11:61: waivers[1].trustedSources[3]: a list is not a source type \
        (name one as in --source TYPE:..., e.g. inventory or azure-iot-hub ('rampart adapters' lists them))
        5. waivers.yaml:17:21: waivers[2].trustedSources is empty \
        (name the source types whose values 'where' may match, e.g. trustedSources: [inventory, netbox])
        """.strip().replace("\n", System.lineSeparator()), e.getMessage());
  }

  @Test
  void aTicketNamesTheIssueThatTracksTheWaiver() throws Exception {
    List<Waiver> waivers = Waivers.parse("""
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - {rule: no-telnet, justification: later, approvedBy: jane, expires: 2026-12-31, ticket: " SEC-1234 "}
          - {rule: no-telnet, justification: later, approvedBy: jane, expires: 2026-12-31}
        """, "waivers.yaml");

    assertEquals("SEC-1234", waivers.get(0).ticket());
    assertEquals(null, waivers.get(1).ticket());
  }

  @Test
  void aTicketThatIsNotOneShortLineIsRefusedAtItsPlace() {
    String file = """
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - {rule: no-telnet, justification: ok, approvedBy: jane, expires: 2026-12-31, ticket: "SEC-1\\nSEC-2"}
          - {rule: no-telnet, justification: ok, approvedBy: jane, expires: 2026-12-31, ticket: "SEC-\\x071"}
          - {rule: no-telnet, justification: ok, approvedBy: jane, expires: 2026-12-31, ticket: ""}
          - {rule: no-telnet, justification: ok, approvedBy: jane, expires: 2026-12-31, ticket: [SEC-1]}
          - {rule: no-telnet, justification: ok, approvedBy: jane, expires: 2026-12-31, ticket: %s}
        """.formatted("x".repeat(201));
    WaiverLoadException e = assertThrows(WaiverLoadException.class, () -> Waivers.parse(file, "waivers.yaml"));

    assertEquals("""
        5 problems in waiver file:
        1. waivers.yaml:4:89: waivers[0].ticket must be one line \
        (give the issue key or its URL on one line, e.g. ticket: SEC-1234)
        2. waivers.yaml:5:89: waivers[1].ticket holds the control character U+0007 at position 5 \
        (give the issue key or its URL on one line, e.g. ticket: SEC-1234)
        3. waivers.yaml:6:89: waivers[2].ticket is empty \
        (give the issue key or its URL on one line, e.g. ticket: SEC-1234)
        4. waivers.yaml:7:89: waivers[3].ticket must be text, found a list \
        (give the issue key or its URL on one line, e.g. ticket: SEC-1234)
        5. waivers.yaml:8:89: waivers[4].ticket is 201 characters long, more than 200 \
        (give the issue key or its URL on one line, e.g. ticket: SEC-1234)
        """.strip().replace("\n", System.lineSeparator()), e.getMessage());
  }

  @Test
  void aWaiverBuiltInCodeRefusesATicketOfTwoLines() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Waiver.forRule("no-telnet")
        .justification("ok").approvedBy("jane").expires(LocalDate.of(2026, 12, 31)).ticket("SEC-1\nSEC-2").build());

    assertEquals("waiver 'ticket' must be one line", e.getMessage());
  }

  @Test
  void theDaysLeftCountFromTheDayOfTheTimeInUtc() {
    Waiver waiver = Waiver.forRule("no-telnet").justification("ok").approvedBy("jane")
        .expires(LocalDate.of(2026, 12, 21)).build();

    assertEquals(14, waiver.daysLeftAt(java.time.Instant.parse("2026-12-07T23:59:59Z")));
    assertEquals(0, waiver.daysLeftAt(java.time.Instant.parse("2026-12-21T00:00:00Z")));
    assertEquals(-1, waiver.daysLeftAt(java.time.Instant.parse("2026-12-22T00:00:00Z")));
  }

  @Test
  void aPatternThatMatchesNoRuleIsNoMistakeButAnIdIs() throws Exception {
    String file = """
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - {rule: "XYZ-*", justification: later, approvedBy: jane, expires: 2026-12-31}
          - {rule: test/no-telnet, justification: later, approvedBy: jane, expires: 2026-12-31}
          - {rule: XYZ-001, justification: later, approvedBy: jane, expires: 2026-12-31}
        """;
    WaiverLoadException e = assertThrows(WaiverLoadException.class,
        () -> Waivers.parse(file, "waivers.yaml", fixtures.engine().rules()));

    assertEquals(List.of(new Problem("waivers.yaml", 6, 12, null, "waivers[2].rule: no rule 'XYZ-001' in the packs",
            "expected one of: no-default-password, no-telnet, iot-segment, vendor-disclosure, unique-credential")),
        e.problems());
    assertEquals(3, Waivers.parse(file, "waivers.yaml").size(), "without rules, ids are not checked");
  }

  @Test
  void aFileOfAnotherKindOrLayoutSaysWhatAWaiverFileIs() {
    WaiverLoadException pack = assertThrows(WaiverLoadException.class, () -> Waivers.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        waiver: []
        """, "pack.yaml"));
    assertEquals("""
        3 problems in waiver file:
        1. pack.yaml:1:1: missing 'waivers' (list the waivers under 'waivers:')
        2. pack.yaml:2:7: this is not a waiver file: kind 'RulePack' (write 'kind: Waivers')
        3. pack.yaml:3:1: unknown key 'waiver' (did you mean 'waivers'?)""".replace("\n", System.lineSeparator()),
        pack.getMessage());

    WaiverLoadException list = assertThrows(WaiverLoadException.class, () -> Waivers.parse("- rule: x\n", "w.yaml"));
    assertEquals(List.of(new Problem("w.yaml", 1, 1, null,
        "a waiver file is a mapping with apiVersion, kind and waivers, found a list",
        "start the file with 'apiVersion: rampart.dev/v1'")), list.problems());
  }

  @Test
  void invalidYamlAnEmptyFileAndAMissingFileAreProblemsToo() throws Exception {
    WaiverLoadException yaml = assertThrows(WaiverLoadException.class,
        () -> Waivers.parse("waivers: [\n  - rule: x\n", "w.yaml"));
    assertTrue(yaml.getMessage().startsWith("1 problem in waiver file:" + System.lineSeparator() + "1. w.yaml:"),
        yaml.getMessage());

    WaiverLoadException empty = assertThrows(WaiverLoadException.class, () -> Waivers.parse("\n", "w.yaml"));
    assertEquals("w.yaml: the waiver file is empty (start it with 'apiVersion: rampart.dev/v1' and 'kind: Waivers')",
        empty.problems().get(0).toString());

    Path absent = dir.resolve("absent.yaml");
    WaiverLoadException missing = assertThrows(WaiverLoadException.class, () -> Waivers.load(absent));
    assertEquals(absent + ": the waiver file does not exist (check the path)", missing.problems().get(0).toString());

    Path file = dir.resolve("waivers.yaml");
    Files.writeString(file, "apiVersion: rampart.dev/v1\nkind: Waivers\nwaivers: []\n");
    assertEquals(List.of(), Waivers.load(file, fixtures.engine().rules()));
  }

  @Test
  void aWaiverBuiltInCodeChecksItsTrustedSources() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Waiver.forRule("no-telnet")
        .where("attributes.env", "lab").trustedSources("inventory", "Azure").justification("j").approvedBy("a")
        .expires(LocalDate.of(2026, 12, 31)).build());
    assertEquals("waiver 'trustedSources': 'Azure' is not a source type (write one as in --source TYPE:...,"
        + " e.g. inventory or azure-iot-hub)", e.getMessage());

    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Waiver.forRule("no-telnet")
        .where("attributes.env", "lab").trustedSources().justification("j").approvedBy("a")
        .expires(LocalDate.of(2026, 12, 31)).build());
    assertEquals("waiver 'trustedSources' must name at least one source type, e.g. inventory", none.getMessage());
  }

  @Test
  void aWaiverBuiltInCodeChecksItsWhereField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Waiver.forRule("no-telnet")
        .factType(FactType.DEVICE).where("firmware", "1.0").justification("j").approvedBy("a")
        .expires(LocalDate.of(2026, 12, 31)).build());
    assertEquals("waiver 'where' field: 'firmware' is an object (name one of its fields, e.g. 'firmware.version')",
        e.getMessage());

    IllegalArgumentException anyType = assertThrows(IllegalArgumentException.class, () -> Waiver.forRule("x")
        .where("services", "1").justification("j").approvedBy("a").expires(LocalDate.of(2026, 12, 31)).build());
    assertEquals("waiver 'where' field: no fact type has a field 'services' "
        + "(select the facts by id, type or another field)", anyType.getMessage());
  }
}
