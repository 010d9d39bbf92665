package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rampart.cli.CliRun;
import dev.rampart.engine.FactFields;
import dev.rampart.spi.fact.FactType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rampart adapters --check TYPE:LOCATION}: one source read as evaluate reads it, with what it
 * gave, what it skipped and why, and which fields of the fact model it filled.
 */
class AdaptersCheckTest {

  private static final String NMAP = "../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/";
  private static final String MUD = "../adapters/mud/src/test/resources/dev/rampart/adapter/mud/real-world/";
  private static final String INVENTORY = "../examples/inventory.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aMasscanScanOfOneHostTellsItsAddressAndPortsAndNothingElse() {
    CliRun run = CliRun.of("adapters", "--check", "nmap:" + NMAP + "ruby-masscan.json");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    List<String> filled = List.of("id", "ipAddresses", "services[].port", "services[].transport", "services[].state",
        "services[].tls", "presence.recordedBy", "presence.discoveredBy");
    assertEquals("""
        Source nmap:../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/ruby-masscan.json (discovery)
        Read: 1 device; collected 2021-08-26T06:50:21Z
        Skipped records: none
        Warnings: none
        Problems that make evaluate refuse these facts: none

        Field coverage of 1 device: 8 of %d fields filled
          id                     1  100.0%%
          ipAddresses            1  100.0%%
          services[].port        1  100.0%%
          services[].transport   1  100.0%%
          services[].state       1  100.0%%
          services[].tls         1  100.0%%
          presence.recordedBy    1  100.0%%
          presence.discoveredBy  1  100.0%%
        Never filled (%d), so unknown from this source alone:
        """.formatted(deviceFields().size(), deviceFields().size() - filled.size()),
        run.out().substring(0, run.out().indexOf(":\n", run.out().indexOf("Never filled")) + 2));
    assertEquals(neverFilled(filled), wrappedList(run.out()),
        "every other leaf field of the device model, in its order: what a masscan scan cannot tell");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      libnmap-dionaea-scan.xml              | 2020-11-22T17:08:27Z | id name macAddress ipAddresses \
        credentials.certificate.subject credentials.certificate.issuer credentials.certificate.serialNumber \
        credentials.certificate.keyAlgorithm credentials.certificate.keySize credentials.certificate.signatureAlgorithm \
        credentials.certificate.notBefore credentials.certificate.notAfter credentials.certificate.selfSigned \
        credentials.certificate.ca credentials.certificate.subjectAltNames credentials.certificate.sha256Fingerprint \
        services[].name services[].port services[].transport services[].protocol services[].state services[].tls \
        services[].management services[].product services[].productVersion presence.recordedBy presence.discoveredBy
      libnmap-os-banner-scripts-nmap551.xml | 2013-05-10T03:31:22Z | id name ipAddresses services[].name \
        services[].port services[].transport services[].protocol services[].state services[].tls services[].management \
        services[].product services[].productVersion presence.recordedBy presence.discoveredBy
      ruby-masscan-banners.xml              | 2021-08-26T06:50:54Z | id ipAddresses services[].port \
        services[].transport services[].state services[].tls presence.recordedBy presence.discoveredBy
      ruby-masscan.ndjson                   | 2021-08-28T13:15:08Z | id ipAddresses services[].port \
        services[].transport services[].state services[].tls presence.recordedBy presence.discoveredBy
      """)
  void eachRealScanIsReadWhole(String sample, String collected, String filled) throws IOException {
    CliRun run = CliRun.of("adapters", "--check", "nmap:" + NMAP + sample, "--format", "json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = JSON.readTree(run.out());
    assertEquals(List.of(), validate(report));
    assertEquals("[{\"type\":\"device\",\"count\":1,\"standIns\":0}]", report.get("facts").toString());
    assertEquals(collected, report.get("collected").get("earliest").asText());
    assertEquals(0, report.get("skippedRecords").size() + report.get("warnings").size());
    List<String> filledPaths = new ArrayList<>();
    report.get("fieldCoverage").get(0).get("fields").forEach(f -> {
      if (f.get("filled").asInt() > 0) {
        filledPaths.add(f.get("path").asText());
      }
    });
    assertEquals(List.of(filled.split(" +")), filledPaths);
  }

  @Test
  void theJsonExampleOfTheDocsIsValid() throws IOException {
    String doc = Files.readString(Path.of("../docs/adapters/README.md"));
    int start = doc.indexOf("```json\n") + "```json\n".length();

    assertEquals(List.of(), validate(JSON.readTree(doc.substring(start, doc.indexOf("```", start)))));
  }

  @Test
  void aMudFileGivesEachDeviceNamedItsEgressAllowlist() {
    CliRun run = CliRun.of("adapters", "--check", "mud:" + MUD + "osmud/lightbulb2000.json",
        "--source-option", "devices=bulb-1,bulb-2");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("Source mud:" + MUD + "osmud/lightbulb2000.json (description; devices=bulb-1,bulb-2)", lines.get(0));
    assertEquals("Read: 2 devices; collected 2018-01-23T12:33:52Z", lines.get(1));
    assertTrue(lines.contains("  egressAllowlist        2  100.0%"), run.out());
    assertTrue(lines.contains("  model                  2  100.0%"), run.out());
  }

  @Test
  void theJsonReportOfAWholeInventoryCountsEachTypeAndEachField() throws IOException {
    CliRun run = CliRun.of("adapters", "--check", "inventory:" + INVENTORY, "--format", "json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = JSON.readTree(run.out());
    assertEquals(List.of(), validate(report));
    assertEquals("systemOfRecord", report.get("role").asText());
    assertEquals("[{\"type\":\"device\",\"count\":16,\"standIns\":0},{\"type\":\"network\",\"count\":6,\"standIns\":0},"
        + "{\"type\":\"vendor\",\"count\":6,\"standIns\":0},{\"type\":\"deployment\",\"count\":1,\"standIns\":0}]",
        report.get("facts").toString());
    assertEquals(report.get("collected").get("earliest"), report.get("collected").get("latest"),
        "an inventory file is collected when it was last changed");
    JsonNode devices = report.get("fieldCoverage").get(0);
    assertEquals(deviceFields(), texts(devices.get("fields"), "path"), "every leaf field of the model, in order");
    assertEquals("{\"path\":\"serialNumber\",\"filled\":13,\"percent\":81.2}", field(devices, "serialNumber"));
    assertEquals("{\"path\":\"ipAddresses\",\"filled\":11,\"percent\":68.7}", field(devices, "ipAddresses"),
        "11 of 16 is 68.75%, rounded down so that only a field every fact fills shows 100");
    List<String> never = new ArrayList<>();
    devices.get("fields").forEach(f -> {
      if (f.get("filled").asInt() == 0) {
        never.add(f.get("path").asText());
      }
    });
    assertEquals(never, texts(devices.get("neverFilled"), null));
  }

  @Test
  void skippedRecordsAreListedWithTheirProblemsAndTheKnownOneStandsIn() throws IOException {
    CliRun run = CliRun.of("adapters", "--check", "skipping:twins.json");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("""
        Source skipping:twins.json (discovery)
        Read: 2 devices (1 standing in for skipped records, every field unknown); the source gives no collection time
        Skipped records (2):
          device 'cam-02' at skipping:twins.json:9:5, evaluated with every field unknown
            twins.json:11:17: devices[1] (id 'cam-02'): status 'sideways' is not a status (write enabled or disabled)
          a record at skipping:twins.json:14:5, not evaluated
            twins.json:14:5: devices[2]: not an object (write each twin as a JSON object)
        Warnings: none
        Problems that make evaluate refuse these facts: none
        """, run.out().substring(0, run.out().indexOf("\n\nField coverage") + 1));
    assertTrue(run.out().contains("\n  owner                  1   50.0%\n"), run.out());

    JsonNode report = JSON.readTree(CliRun.of("adapters", "--check", "skipping:twins.json", "--format", "json").out());
    assertEquals(List.of(), validate(report));
    assertEquals("""
        [{"origin":"skipping:twins.json:9:5","factType":"device","factId":"cam-02","problems":["twins.json:11:17: \
        devices[1] (id 'cam-02'): status 'sideways' is not a status (write enabled or disabled)"]},\
        {"origin":"skipping:twins.json:14:5","factType":null,"factId":null,"problems":["twins.json:14:5: devices[2]: \
        not an object (write each twin as a JSON object)"]}]""", report.get("skippedRecords").toString());
    assertEquals(1, report.get("facts").get(0).get("standIns").asInt());
  }

  @Test
  void whatASourceQuotesFromItsInputCannotReachTheTerminalAsControlCharacters() {
    CliRun run = CliRun.of("adapters", "--check", "skipping:hostile.json");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("""
        Skipped records (1):
          device 'cam-\\u001B]0;owned\\u0007' at skipping:hostile.json:3:5, evaluated with every field unknown
            hostile.json:3:5: devices[0] (id 'cam-\\u001B]0;owned\\u0007'): no status (write enabled or disabled)
        """), run.out());
    assertTrue(run.out().chars().noneMatch(c -> c == 0x1B || c == 0x07), run.out());
  }

  @Test
  void aSourceWhosePartialOptionIsFalseFailsAtItsSkippedRecordsAsEvaluateWould() {
    CliRun run = CliRun.of("adapters", "--check", "skipping:twins.json", "--source-option", "partial=false");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals("""
        twins.json:11:17: devices[1] (id 'cam-02'): status 'sideways' is not a status (write enabled or disabled)
        twins.json:14:5: devices[2]: not an object (write each twin as a JSON object)
        skipping:twins.json: 2 records could not be read (fix them, or pass --allow-partial or the source option \
        partial=true to evaluate the others, with the rules of the skipped ones UNKNOWN)
        """, run.err());
  }

  @Test
  void aSourceNoneOfWhoseRecordsCanBeReadIsNotReadable() {
    CliRun run = CliRun.of("adapters", "--check", "skipping:garbage.json");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals("""
        garbage.json:14:5: devices[2]: not an object (write each twin as a JSON object)
        skipping:garbage.json: none of its records could be read (1 record skipped; fix them)
        """, run.err());
  }

  @Test
  void aScanThatIsNotXmlCannotBeReadAndSaysWhere() throws IOException {
    Path truncated = Files.createTempFile("truncated", ".xml");
    Files.writeString(truncated, Files.readString(Path.of(NMAP + "libnmap-dionaea-scan.xml")).substring(0, 400));

    CliRun run = CliRun.of("adapters", "--check", "nmap:" + truncated, "--format", "json");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith(truncated + ":"), run.err());
  }

  @Test
  void mistakesOfUsageAreUsageErrors() {
    assertEquals("""
        --source-option and --format configure --check: name the source to check, e.g. --check nmap:scan.xml
        Try 'rampart adapters --help' for more information.
        """, CliRun.of("adapters", "--source-option", "exposure=internal").err());
    assertEquals("""
        --format 'xml' is not a format of --check: use text or json
        Try 'rampart adapters --help' for more information.
        """, CliRun.of("adapters", "--check", "nmap:scan.xml", "--format", "xml").err());
    CliRun secret = CliRun.of("adapters", "--check", "netbox:https://netbox.example.com", "--source-option", "apiToken=x");
    assertEquals(2, secret.exitCode());
    assertTrue(secret.err().startsWith("--source-option 'apiToken' looks like a secret"), secret.err());
    CliRun unknown = CliRun.of("adapters", "--check", "nmpa:scan.xml");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().startsWith("unknown fact source 'nmpa' (available: "), unknown.err());
  }

  private static List<String> deviceFields() {
    return FactFields.leafPaths(FactType.DEVICE);
  }

  private static List<String> neverFilled(List<String> filled) {
    return deviceFields().stream().filter(path -> !filled.contains(path)).toList();
  }

  private static List<String> wrappedList(String out) {
    String list = out.substring(out.indexOf(":\n", out.indexOf("Never filled")) + 2);
    return List.of(list.strip().split(",?\\s+"));
  }

  private static String field(JsonNode coverage, String path) {
    return StreamSupport.stream(coverage.get("fields").spliterator(), false)
        .filter(f -> f.get("path").asText().equals(path)).findFirst().orElseThrow().toString();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
    return texts;
  }

  private static List<String> validate(JsonNode report) throws IOException {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(Path.of("../docs/adapters/check-schema.json")), config);
    return schema.validate(report).stream().map(ValidationMessage::toString).toList();
  }
}
