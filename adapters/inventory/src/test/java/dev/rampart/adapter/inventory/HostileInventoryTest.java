package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rampart.adapter.testkit.TestFiles;
import dev.rampart.spi.source.SourceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inventories written to hurt the reader: numbers and dates no field can hold, text that is not
 * text, and fleets far larger than the heap. Each is a problem at its place or a bounded stream,
 * never a crash or a hang. Big files are made here, not kept on disk.
 */
class HostileInventoryTest {

  @TempDir Path dir;

  @Test
  void numbersNoFieldCanHoldAreReportedWhereTheyAreWritten() throws IOException {
    Path file = write("numbers.json", """
        {"devices": [
          {"id": "a", "services": [{"port": 1e400}]},
          {"id": "b", "services": [{"port": -5}]},
          {"id": "c", "services": [{"port": 70000}]},
          {"id": "d", "services": [{"port": 443.0}]},
          {"id": "e", "services": [{"port": 0}]},
          {"id": "f", "credentials": {"certificate": {"keySize": 99999999999999999999}}},
          {"id": "g", "credentials": {"certificate": {"keySize": -2048}}},
          {"id": "h", "data": {"retentionDays": -1}}
        ],
         "networks": [{"id": "n", "vlan": 4095}],
         "deployment": {"id": "site", "training": {"coveragePercent": 101}}}
        """);
    assertEquals("""
        FILE:2:37: devices[0] (id 'a').services[0].port: expected a whole number but found 1e400 (write a whole number, e.g. 443)
        FILE:3:37: devices[1] (id 'b').services[0].port: -5 is not a port (ports are 1 to 65535)
        FILE:4:37: devices[2] (id 'c').services[0].port: 70000 is not a port (ports are 1 to 65535)
        FILE:5:37: devices[3] (id 'd').services[0].port: expected a whole number but found 443.0 (write a whole number, e.g. 443)
        FILE:6:37: devices[4] (id 'e').services[0].port: 0 is not a port (ports are 1 to 65535)
        FILE:7:58: devices[5] (id 'f').credentials.certificate.keySize: 99999999999999999999 is not a key size \
        (a key size is a positive number of bits, e.g. 2048)
        FILE:8:58: devices[6] (id 'g').credentials.certificate.keySize: -2048 is not a key size \
        (a key size is a positive number of bits, e.g. 2048)
        FILE:9:41: devices[7] (id 'h').data.retentionDays: -1 is not a number of days (days cannot be negative)
        FILE:11:35: networks[0] (id 'n').vlan: 4095 is not a VLAN id (VLAN ids are 1 to 4094)
        FILE:12:63: deployment (id 'site').training.coveragePercent: 101 is not a percentage (percentages are 0 to 100)
        """.replace("FILE", file.toString()), problems(file));
  }

  @Test
  void datesThatAreNotRealDatesAreReported() throws IOException {
    Path file = write("dates.yaml", """
        devices:
          - id: a
            lifecycle: {endOfSupport: 2027-13-45}
          - id: b
            lifecycle: {endOfSupport: 20270101}
          - id: c
            resilience: {lastBackup: 99999-01-01T00:00:00Z}
          - id: d
            firmware: {releaseDate: "-0001-01-01T00:00:00"}
        """);
    assertEquals("""
        FILE:3:31: devices[0] (id 'a').lifecycle.endOfSupport: "2027-13-45" is not a real date (check the month and day)
        FILE:5:31: devices[1] (id 'b').lifecycle.endOfSupport: expected a date such as 2027-06-30 but found 20270101 \
        (write dates as YYYY-MM-DD)
        FILE:7:30: devices[2] (id 'c').resilience.lastBackup: expected a date-time such as 2026-11-01T10:00:00Z or a \
        date such as 2026-11-01 but found "99999-01-01T00:00:00Z" (write a date-time with a zone, e.g. \
        2026-11-01T10:00:00Z, or a date, e.g. 2026-11-01)
        FILE:9:29: devices[3] (id 'd').firmware.releaseDate: expected a date such as 2027-06-30 but found \
        "-0001-01-01T00:00:00" (write dates as YYYY-MM-DD)
        """.replace("FILE", file.toString()), problems(file));
  }

  @Test
  void halfASurrogatePairIsNotTextInJson() throws IOException {
    Path file = write("surrogate.json", "{\"devices\": [{\"id\": \"cam\\ud800-01\"}]}\n");
    assertEquals(file + ":1:21: a text holds the escape \\uD800, half of a UTF-16 surrogate pair, which is not a character"
        + " (write the character itself, or escape both halves of the pair)\n", problems(file));
  }

  @Test
  void halfASurrogatePairIsNotTextInYamlEither() throws IOException {
    Path file = write("surrogate.yaml", "devices:\n  - id: cam-01\n    \"na\\udc00me\": x\n");
    assertEquals(file + ":3:5: a text holds the escape \\uDC00, half of a UTF-16 surrogate pair, which is not a character"
        + " (write the character itself, or escape both halves of the pair)\n", problems(file));
  }

  @Test
  void aWholeSurrogatePairIsOneCharacter() throws IOException, SourceException {
    Path file = write("pair.json", "{\"devices\": [{\"id\": \"cam-\\ud83d\\udcf7\"}]}\n");
    assertEquals("cam-\uD83D\uDCF7", Fixtures.read(file).facts().get(0).id());
  }

  @Test
  void aJsonFleetLargerThanTheHeapIsStreamedThroughIt() throws IOException, InterruptedException {
    // 150,000 devices, 13 MB of JSON (26 MB as Java text), read in a JVM with a 32 MB heap: holding the
    // file or the facts would not fit, so the read completing shows the reader streams. What it keeps is
    // one id and position per fact, to find duplicates.
    Path file = fleet("fleet.json", 150_000, true);

    assertEquals("150000 devices", readInSmallJvm(file, 32));
  }

  @Test
  void aJsonFleetBoundOnSeveralThreadsIsStreamedThroughTheSameHeap() throws IOException, InterruptedException {
    // 150,000 devices with long names, 46 MB of JSON, in the same 32 MB heap: the chunks in flight between
    // the reading thread and the threads that bind, and their facts, are bounded.
    Path file = fleet("fleet.json", 150_000, true, " of the north-east loading bay".repeat(7));

    assertEquals("150000 devices", TestFiles.runInSmallHeap(StreamingRead.OnTwoThreads.class, file, 32));
  }

  @Test
  void aYamlFleetIsStreamedThroughASmallHeapToo() throws IOException, InterruptedException {
    // YAML parses more slowly, so the fleet is smaller, and so is the heap.
    Path file = fleet("fleet.yaml", 40_000, false);

    assertEquals("40000 devices", readInSmallJvm(file, 24));
  }

  private Path fleet(String name, int devices, boolean json) throws IOException {
    return fleet(name, devices, json, "");
  }

  private Path fleet(String name, int devices, boolean json, String nameSuffix) throws IOException {
    Path file = dir.resolve(name);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(json ? "{\"devices\": [\n" : "devices:\n");
      for (int i = 0; i < devices; i++) {
        String id = String.format("dev-%06d", i);
        out.write(json
            ? (i == 0 ? "" : ",\n") + "{\"id\": \"" + id + "\", \"name\": \"Camera " + i + nameSuffix
                + "\", \"services\": [{\"port\": 443, \"tls\": true}]}"
            : "  - {id: " + id + ", name: Camera " + i + ", services: [{port: 443, tls: true}]}\n");
      }
      out.write(json ? "\n]}\n" : "");
    }
    return file;
  }

  /** Runs {@link StreamingRead} on the file in a JVM with a small heap and returns what it printed. */
  private static String readInSmallJvm(Path file, int megabytes) throws IOException, InterruptedException {
    return TestFiles.runInSmallHeap(StreamingRead.class, file, megabytes);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String problems(Path file) {
    SourceException failure = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(SourceException.class, () -> Fixtures.read(file)));
    List<String> lines = new ArrayList<>(failure.problems());
    return String.join("\n", lines) + "\n";
  }
}
