package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code rampart evaluate} given hostile packs, inventories and scans: every case exits with 2
 * within seconds, names the file (and line and column where there is one), shows no stack trace,
 * and writes no report and no temporary file. Big inputs are made here, never kept on disk.
 */
class HostileInputEndToEndTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String INVENTORY = FIXTURES + "inventories/compliant.yaml";
  private static final String HEAD = "apiVersion: rampart.dev/v1\nkind: RulePack\n"
      + "metadata: {id: hostile, version: \"1.0\", title: Hostile}\n";
  private static final String RULE = "rules:\n  - id: R1\n    title: T\n    category: identity\n"
      + "    severity: high\n    target: device\n    assert: {field: name, exists: true}\n";

  @TempDir Path dir;

  /** Which input the hostile file is given as. */
  enum Role { PACK, INVENTORY, SCAN }

  /**
   * One hostile file.
   *
   * @param located whether the problem names a line and column (a file that is too large or not
   *     UTF-8 is wrong as a whole)
   */
  record Hostile(String name, Role role, boolean located, byte[] content) {

    static Hostile pack(String name, String text) {
      return new Hostile(name, Role.PACK, true, utf8(text));
    }

    static Hostile inventory(String name, String text) {
      return new Hostile(name, Role.INVENTORY, true, utf8(text));
    }

    static Hostile scan(String name, String text) {
      return new Hostile(name, Role.SCAN, true, utf8(text));
    }

    Hostile wholeFile() {
      return new Hostile(name, role, false, content);
    }

    @Override
    public String toString() {
      return role.name().toLowerCase() + " " + name;
    }
  }

  static Stream<Hostile> hostileFiles() {
    return Stream.of(
        // Packs
        Hostile.pack("alias-bomb.yaml", HEAD + aliasBomb() + RULE),
        Hostile.pack("deep-flow.yaml", HEAD + "rules: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n"),
        Hostile.pack("deep-block.yaml", HEAD + blockNesting(200)),
        Hostile.pack("huge.yaml", HEAD + "# " + "x".repeat(9 * 1024 * 1024) + "\n" + RULE).wholeFile(),
        Hostile.pack("huge-scalar.yaml", HEAD.replace("title: Hostile", "title: \"" + "x".repeat(1_100_000) + "\"") + RULE),
        Hostile.pack("long-number.yaml", HEAD.replace("\"1.0\"", "9".repeat(1_000)) + RULE),
        Hostile.pack("duplicate-key.yaml", HEAD + RULE + "    assert: {field: model, exists: true}\n"),
        Hostile.pack("unknown-key.yaml", HEAD + RULE + "    severty: low\n"),
        Hostile.pack("wrong-types.yaml", HEAD.replace("title: Hostile", "title: [a, b]") + "rules: {a: 1}\n"),
        new Hostile("latin-1.yaml", Role.PACK, false, (HEAD + "# caf\u00e9\n" + RULE).getBytes(StandardCharsets.ISO_8859_1)),
        Hostile.pack("tab.yaml", HEAD + RULE.replace("    severity", "\tseverity")),
        Hostile.pack("nul.yaml", HEAD + RULE.replace("title: T", "title: T\u0000")),
        Hostile.pack("yaml-tag.yaml", HEAD.replace("title: Hostile", "title: !!java.lang.ProcessBuilder [[touch, PWNED]]") + RULE),
        Hostile.pack("regex-bomb.yaml", HEAD + RULE.replace("exists: true", "matches: \"((a{1000}){1000}){1000}\"")),
        // Inventories
        Hostile.inventory("alias-bomb.yaml", aliasBomb() + "devices:\n  - id: cam-01\n    name: *l9\n"),
        Hostile.inventory("deep.yaml", "devices:\n  - id: cam-01\n    attributes:\n" + blockNesting(200).indent(6)),
        Hostile.inventory("deep.json", "{\"devices\": [{\"id\": \"cam-01\", \"attributes\": {\"a\": "
            + "[".repeat(100_000) + "]".repeat(100_000) + "}}]}"),
        Hostile.inventory("huge-scalar.yaml", "devices:\n  - id: cam-01\n    name: " + "x".repeat(1_100_000) + "\n"),
        Hostile.inventory("huge-string.json", "{\"devices\": [{\"id\": \"cam-01\", \"name\": \"" + "x".repeat(1_100_000) + "\"}]}"),
        Hostile.inventory("long-number.json", "{\"devices\": [{\"id\": \"cam-01\", \"services\": [{\"port\": "
            + "4".repeat(5_000) + "}]}]}"),
        Hostile.inventory("duplicate-key.yaml", "devices:\n  - id: cam-01\n    owner: a\n    owner: b\n"),
        Hostile.inventory("duplicate-key.json", "{\"devices\": [{\"id\": \"cam-01\", \"id\": \"cam-02\"}]}"),
        Hostile.inventory("unknown-key.yaml", "devices:\n  - id: cam-01\n    colour: red\n"),
        Hostile.inventory("wrong-types.yaml", "devices:\n  - id: cam-01\n    credentials: {defaultPassword: \"no\"}\n"),
        new Hostile("latin-1.yaml", Role.INVENTORY, true, "devices:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
        Hostile.inventory("tab.yaml", "devices:\n\t- id: cam-01\n"),
        Hostile.inventory("port-1e400.json", "{\"devices\": [{\"id\": \"cam-01\", \"services\": [{\"port\": 1e400}]}]}"),
        Hostile.inventory("port-70000.json", "{\"devices\": [{\"id\": \"cam-01\", \"services\": [{\"port\": 70000}]}]}"),
        Hostile.inventory("negative-port.yaml", "devices:\n  - id: cam-01\n    services: [{port: -1}]\n"),
        Hostile.inventory("key-size.json", "{\"devices\": [{\"id\": \"cam-01\", \"credentials\": {\"certificate\": "
            + "{\"keySize\": 99999999999999999999}}}]}"),
        Hostile.inventory("bad-date.yaml", "devices:\n  - id: cam-01\n    lifecycle: {endOfSupport: 2027-02-30}\n"),
        Hostile.inventory("bad-instant.json", "{\"devices\": [{\"id\": \"cam-01\", \"resilience\": "
            + "{\"lastBackup\": \"99999-01-01T00:00:00Z\"}}]}"),
        Hostile.inventory("unpaired-surrogate.json", "{\"devices\": [{\"id\": \"cam-\\udc01\"}]}"),
        Hostile.inventory("duplicate-id.yaml", "devices:\n  - id: cam-01\n  - id: cam-01\n"),
        // nmap scans
        Hostile.scan("external-entity.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ <!ENTITY x SYSTEM "
            + "\"file:///etc/passwd\"> ]>\n<nmaprun scanner=\"nmap\"><host><status state=\"up\"/>"
            + "<address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><hostnames><hostname name=\"&x;\"/></hostnames></host></nmaprun>\n"),
        Hostile.scan("billion-laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ <!ENTITY l0 \"lol\"> "
            + entities() + "]>\n<nmaprun scanner=\"nmap\"><host><status state=\"up\"/>"
            + "<address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><hostnames><hostname name=\"&l9;\"/></hostnames></host></nmaprun>\n"),
        Hostile.scan("dtd-control-character.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ \u0001 ]>\n"
            + "<nmaprun scanner=\"nmap\"/>\n"),
        Hostile.scan("deep-script-tables.xml", "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\"><host>"
            + "<status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\""
            + " portid=\"443\"><state state=\"open\"/><script id=\"ssl-cert\" output=\"\">" + "<table>".repeat(20_000)
            + "</table>".repeat(20_000) + "</script></port></ports></host></nmaprun>\n"),
        Hostile.scan("truncated.xml", "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\"><host><status state=\"up\"/>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void isRefusedWithItsPlaceAndWritesNothing(Hostile hostile) throws IOException {
    Path file = Files.write(dir.resolve(hostile.name()), hostile.content());
    Path json = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    List<String> args = new ArrayList<>(List.of("evaluate"));
    switch (hostile.role()) {
      case PACK -> args.addAll(List.of(INVENTORY, "--pack", file.toString()));
      case INVENTORY -> args.addAll(List.of(file.toString(), "--pack", PACK));
      case SCAN -> args.addAll(List.of("--source", "nmap:" + file, "--pack", PACK));
    }
    args.addAll(List.of("--format", "json:" + json, "--format", "html:" + html));

    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args.toArray(String[]::new)));

    assertEquals(2, run.exitCode(), run.err());
    String place = Pattern.quote(file.toString()) + (hostile.located() ? ":\\d+:\\d+: " : ": ");
    assertTrue(Pattern.compile(place).matcher(run.err()).find(), "no problem names " + place + " in:\n" + cut(run.err()));
    assertNoStackTrace(run);
    assertEquals("", run.out());
    assertEquals(List.of(file), filesIn(dir), "a report or temporary file was written");
  }

  @Test
  void referencesToUnknownFactsAreInputErrorsWhileAFactIdInTwoFilesIsMerged() throws IOException {
    Path first = Files.writeString(dir.resolve("first.yaml"), "devices:\n  - id: cam-01\n");
    Path second = Files.writeString(dir.resolve("second.yaml"),
        "devices:\n  - id: cam-01\n  - id: cam-02\n    vendorId: nobody\n    networkIds: [nowhere]\n");
    Path json = dir.resolve("report.json");

    CliRun run = CliRun.of("evaluate", first.toString(), second.toString(), "--pack", PACK, "--format", "json:" + json);

    assertEquals(2, run.exitCode(), run.err());
    // two sources reporting cam-01 describe one device, merged; only the dangling references are mistakes
    assertFalse(run.err().contains("cam-01"), run.err());
    assertTrue(run.err().contains(second + ":3:5"), run.err());
    assertTrue(run.err().contains("'nobody'") && run.err().contains("'nowhere'"), run.err());
    assertNoStackTrace(run);
    assertEquals(List.of(first, second), filesIn(dir));
  }

  @Test
  void aDtdOrEntityInAScanIsNeverFetched() throws IOException {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().toString());
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path dtd = Files.writeString(dir.resolve("dtd.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun SYSTEM \""
          + base + "/nmap.dtd\">\n<nmaprun scanner=\"nmap\"><host><status state=\"up\"/>"
          + "<address addr=\"10.0.0.1\" addrtype=\"ipv4\"/></host></nmaprun>\n");
      Path entity = Files.writeString(dir.resolve("entity.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ "
          + "<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p; <!ENTITY e SYSTEM \"" + base + "/e.txt\"> ]>\n"
          + "<nmaprun scanner=\"nmap\"><host><status state=\"up\"/><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/>"
          + "<hostnames><hostname name=\"&e;\"/></hostnames></host></nmaprun>\n");

      CliRun read = CliRun.of("evaluate", "--source", "nmap:" + dtd, "--pack", PACK, "--fail-on", "never");
      CliRun refused = CliRun.of("evaluate", "--source", "nmap:" + entity, "--pack", PACK);

      assertEquals(0, read.exitCode(), read.err());
      assertEquals(2, refused.exitCode(), refused.err());
      assertTrue(refused.err().startsWith(entity + ":3:"), refused.err());
      assertNoStackTrace(refused);
    } finally {
      server.stop(0);
    }
    assertEquals(List.of(), requests, "rampart fetched what a scan pointed to");
  }

  @Test
  void codeInAPackIsReportedAsTextAndNeverRuns() throws IOException {
    System.clearProperty("rampart.pwned");
    Path marker = dir.resolve("PWNED");
    String payload = "rule \"x\" when then System.exit(1); end\n\"); Runtime.getRuntime().exec(\"touch " + marker
        + "\"); // @{java.lang.System.setProperty('rampart.pwned','1')} $(touch " + marker + ") `touch " + marker + "`"
        + " <script>document.title='pwned'</script>";
    String quoted = new ObjectMapper().writeValueAsString(payload);
    Path pack = Files.writeString(dir.resolve("pack.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: injection, version: "1.0", title: %1$s}
        rules:
          - id: INJ-001
            title: %1$s
            category: identity
            severity: high
            target: device
            assert: {field: name, notEquals: %1$s}
            message: %1$s
            remediation: %1$s
        """.replace("%1$s", quoted));
    Path inventory = Files.writeString(dir.resolve("inventory.json"),
        "{\"devices\": [{\"id\": \"cam-01\", \"name\": " + quoted + "}]}");
    Path json = dir.resolve("report.json");

    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString(), "--format", "json:" + json,
        "--format", "html:" + dir.resolve("report.html"), "--format", "sarif:" + dir.resolve("report.sarif"),
        "--format", "junit:" + dir.resolve("report.xml"), "--format", "text");

    assertEquals(1, run.exitCode(), "the rule fails, comparing the payload as text: " + run.err());
    assertNoStackTrace(run);
    assertTrue(run.out().contains(payload.lines().findFirst().orElseThrow()), cut(run.out()));
    assertTrue(new ObjectMapper().readTree(json.toFile()).toString().contains(quoted.substring(1, quoted.length() - 1)),
        "the JSON report keeps the payload verbatim");
    assertNull(System.getProperty("rampart.pwned"), "a payload set a system property");
    assertFalse(Files.exists(marker), "a payload ran a command");
  }

  @Test
  void aReportWriterThatFailsHalfwayLeavesTheOldReportAndNoTemporaryFile() throws IOException {
    // Half a surrogate pair passes through the Azure IoT Hub adapter and cannot be encoded in UTF-8,
    // so writing the report fails in the middle. Either the report is written in full or not at all.
    Path export = Files.writeString(dir.resolve("export.json"),
        "[{\"deviceId\": \"thermo\\ud800-01\", \"authenticationType\": \"sas\", \"status\": \"enabled\"}]");
    Path json = Files.writeString(dir.resolve("report.json"), "yesterday's report");

    CliRun run = CliRun.of("evaluate", "--source", "azure-iot-hub:" + export, "--pack", PACK, "--format", "json:" + json);

    assertNoStackTrace(run);
    assertEquals(List.of(export, json), filesIn(dir), "a temporary file was left behind");
    if (run.exitCode() == 2) {
      assertTrue(run.err().startsWith("rampart: cannot write the json report to '" + json + "'"), run.err());
      assertEquals("yesterday's report", Files.readString(json));
    } else {
      JsonNode report = new ObjectMapper().readTree(json.toFile());
      assertTrue(report.has("results"), "a complete report replaced the old one");
    }
  }

  @Test
  void aReportThatCannotBeCreatedLeavesNothingBehind() throws IOException {
    Path json = dir.resolve("r".repeat(250) + ".json");

    CliRun run = CliRun.of("evaluate", INVENTORY, "--pack", PACK, "--format", "json:" + json);

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("rampart: cannot write the json report to '" + json + "'"), run.err());
    assertNoStackTrace(run);
    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void aScannedServiceOnADeviceTheInventoryCallsRetiredIsAFinding() throws IOException {
    // the scan merges into the retired device by IP address; before OPS-006 every rule was NOT_APPLICABLE
    Path inventory = Files.writeString(dir.resolve("site.yaml"), """
        devices:
          - id: cam-dock-01
            name: Dock camera 1
            ipAddresses: [10.110.0.21]
            lifecycle: {status: retired}
        """);
    Path json = dir.resolve("report.json");

    CliRun run = CliRun.of("evaluate", inventory.toString(), "--source", "nmap:" + FIXTURES + "merge/scan.xml",
        "--identity-keys", "ip", "--now", "2026-11-25", "--format", "json:" + json);

    assertEquals(1, run.exitCode(), run.err());
    JsonNode ops006 = null;
    for (JsonNode result : new ObjectMapper().readTree(json.toFile()).path("results")) {
      if (result.path("ruleId").asText().equals("OPS-006") && result.path("factId").asText().equals("cam-dock-01")) {
        ops006 = result;
      }
    }
    assertTrue(ops006 != null, "no OPS-006 result for cam-dock-01");
    assertEquals("FAIL", ops006.path("outcome").asText(), ops006.toString());
    assertEquals("device cam-dock-01 (Dock camera 1) is recorded as retired but still has live services",
        ops006.path("message").asText());
  }

  @Test
  void aPackWhoseRegularExpressionsCompileTooLargeIsRefusedByValidate() throws IOException {
    Path pack = Files.writeString(dir.resolve("concatenated.yaml"),
        HEAD + RULE.replace("exists: true", "matches: \"" + ".{1000}".repeat(140_000) + "\""));

    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("validate", pack.toString()));

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(pack + ":10:36: rule R1: 'matches' on 'name': regular expression '.{1000}"),
        cut(run.err()));
    assertTrue(run.err().contains("is too large: it compiles to about 140,140,001 instructions, more than the"
        + " 100,000 allowed"), cut(run.err()));
    assertNoStackTrace(run);
  }

  @Test
  void theTimeLimitStopsALongRegularExpressionMatch() throws IOException {
    Path pack = Files.writeString(dir.resolve("slow.yaml"),
        HEAD + RULE.replace("exists: true", "matches: \"" + ".{1000}".repeat(50) + "z\""));
    StringBuilder devices = new StringBuilder("devices:\n");
    for (int i = 0; i < 300; i++) {
      devices.append("  - {id: cam-").append(i).append(", name: ").append(i).append("a".repeat(990)).append("}\n");
    }
    Path inventory = Files.writeString(dir.resolve("long-names.yaml"), devices.toString());

    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("evaluate", inventory.toString(),
        "--pack", pack.toString(), "--time-limit", "PT1S", "--format", "text"));

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("stopped at the time limit of PT1S"), cut(run.err()));
    assertNoStackTrace(run);
  }

  private static void assertNoStackTrace(CliRun run) {
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "a stack trace:\n" + cut(run.err()));
    assertFalse(run.out().contains("\tat ") || run.out().contains("Exception"), "a stack trace:\n" + cut(run.out()));
  }

  private static String aliasBomb() {
    StringBuilder yaml = new StringBuilder("a0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      yaml.append("]\n");
    }
    return yaml.toString();
  }

  private static String entities() {
    StringBuilder dtd = new StringBuilder();
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\"> ");
    }
    return dtd.toString();
  }

  private static String blockNesting(int levels) {
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (int level = 1; level <= levels; level++) {
      yaml.append("  ".repeat(level)).append("k").append(level).append(":\n");
    }
    return yaml.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String cut(String text) {
    return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
