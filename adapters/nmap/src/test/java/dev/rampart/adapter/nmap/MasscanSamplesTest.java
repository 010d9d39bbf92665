package dev.rampart.adapter.nmap;

import static dev.rampart.spi.fact.ServiceState.OPEN;
import static dev.rampart.spi.fact.Transport.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * masscan's output, read as a dialect of the nmap source: ruby-masscan's test scans (MIT), as
 * {@code src/test/resources/PROVENANCE.md} says, and the facts they must give.
 */
class MasscanSamplesTest {

  private static final String BANNERS_XML = "real-world/ruby-masscan-banners.xml";
  private static final String OJ_JSON = "real-world/ruby-masscan.json";
  private static final String NDJSON = "real-world/ruby-masscan.ndjson";

  /** What masscan saw of www.example.org in the JSON samples: 80 first, and TLS (banners ssl, X509) on 443. */
  private static final Device EXAMPLE_ORG = Device.builder("93.184.216.34")
      .ipAddresses(List.of("93.184.216.34"))
      .services(List.of(
          new Service(null, 80, TCP, null, OPEN, null, null, null, null, null, null, null, null, null, null, null),
          new Service(null, 443, TCP, null, OPEN, null, true, null, null, null, null, null, null, null, null, null)))
      .build();

  @TempDir Path dir;

  @Test
  void aHostWithoutStatusThatListsOpenPortsIsUpAndItsEightHostElementsAreOneDevice() throws SourceException {
    List<Device> devices = Fixtures.devices(BANNERS_XML);

    assertEquals(List.of("93.184.216.34"), devices.stream().map(Device::id).toList());
    assertEquals(List.of("93.184.216.34"), devices.get(0).ipAddresses());
  }

  @Test
  void eachPortIsOneServiceAndTheTlsHandshakeAndCertificateBannersSayTls() throws SourceException {
    assertEquals(List.of(
        new Service(null, 443, TCP, null, OPEN, null, true, null, null, null, null, null, null, null, null, null),
        new Service(null, 80, TCP, null, OPEN, null, null, null, null, null, null, null, null, null, null, null)),
        Fixtures.devices(BANNERS_XML).get(0).services(),
        "the ping reply (icmp, port 0) is no service; banner names (http.server, title) are no service names");
  }

  @Test
  void theDeviceCarriesItsFirstHostElementAndTheScanStart() throws SourceException {
    RecordingSink sink = Fixtures.read(Fixtures.path(BANNERS_XML));

    assertEquals(List.of(new Origin("nmap", Fixtures.path(BANNERS_XML).toString(), 5, 28,
        Instant.ofEpochSecond(1629960654))), sink.origins());
  }

  @Test
  void hostsWithoutAnOpenPortAreAProblemNotACleanScan() throws IOException {
    Path scan = Files.writeString(dir.resolve("masscan.xml"), """
        <?xml version="1.0"?>
        <!-- masscan v1.0 scan -->
        <nmaprun scanner="masscan" start="1470387319" version="1.0-BETA"  xmloutputversion="1.03">
        <scaninfo type="syn" protocol="tcp" />
        <host endtime="1470387319"><address addr="127.0.0.1" addrtype="ipv4"/></host>
        <host endtime="1470387319"><address addr="127.0.0.2" addrtype="ipv4"/></host>
        </nmaprun>
        """);

    assertEquals(scan + ":3:91: the scan lists 2 hosts but none that is up, so it gives no device"
        + " (masscan lists a host for each open port or ping reply it saw; scan again, or leave out this source)\n",
        Fixtures.problems(scan));
  }

  @Test
  void anNmapScanWhoseHostsAreAllDownIsAProblemNotACleanScan() throws IOException {
    Path scan = Files.writeString(dir.resolve("down.xml"), """
        <?xml version="1.0"?>
        <nmaprun scanner="nmap" start="1795608000" version="7.93" xmloutputversion="1.05">
        <host><status state="down" reason="no-response"/><address addr="10.0.0.1" addrtype="ipv4"/></host>
        </nmaprun>
        """);

    assertEquals(scan + ":2:83: the scan lists 1 host but none that is up, so it gives no device"
        + " (a list scan (-sL) and hosts that did not answer tell nothing about devices; scan hosts that are up,"
        + " or leave out this source)\n",
        Fixtures.problems(scan));
  }

  @Test
  void theJsonOfMinusOjIsReadAsTheSameDeviceFromTheContentWhateverTheFileIsCalled() throws SourceException {
    assertOneDevice(OJ_JSON, 2, Instant.ofEpochSecond(1629960621));
  }

  @Test
  void theNdjsonRecordsOfOnePortEachAreOneDeviceToo() throws SourceException {
    assertOneDevice(NDJSON, 1, Instant.ofEpochSecond(1630156508));
  }

  @Test
  void jsonRecordsTheAdapterDoesNotUnderstandAreSkippedWithTheirPlaceAndTheOthersAreRead() throws Exception {
    Path scan = Files.writeString(dir.resolve("scan.json"), """
        [
        {"ip": "10.0.0.5", "timestamp": "1629960621", "ports": [{"port": 80, "proto": "tcp", "status": "open"}]},
        {"ip": "10.0.0.6", "timestamp": "1629960621"},
        {"ip": "10.0.0.7", "ports": [{"port": "http", "proto": "tcp", "status": "open"}, 7]},
        "10.0.0.8",
        {"ip": "10.0.0.9", "ports": [{"port": 22, "proto": "tcp", "status": "sideways"}]}
        ]
        """);

    RecordingSink partly = RecordingSink.readPartially(NmapScanSource.of(scan));

    assertEquals(List.of("10.0.0.5"), partly.facts().stream().map(Fact::id).toList());
    assertEquals(List.of("device '10.0.0.6'", "device '10.0.0.7'", "a record", "device '10.0.0.9'"),
        partly.skippedRecords().stream().map(SkippedRecord::describeFact).toList());
    assertEquals(("""
        FILE:3:1: host 10.0.0.6: the host record has neither a "ports" list (-oJ) nor a "rec_type" (--ndjson) \
        (run masscan with -oJ (or -oX) to write a scan Rampart reads)
        FILE:4:39: host 10.0.0.7: "port" is the text 'http', not a port number \
        (ports are 1 to 65535; restore the value from the original scan)
        FILE:4:82: host 10.0.0.7: expected a port (an object with "port" and "proto") but found the number 7 \
        (run masscan with -oJ (or -oX) to write a scan Rampart reads)
        FILE:5:1: expected a host record (an object with "ip" and "ports") but found the text '10.0.0.8' \
        (run masscan with -oJ (or -oX) to write a scan Rampart reads)
        FILE:6:30: host 10.0.0.9: "status" is 'sideways', not a port state \
        (masscan writes open or closed; restore the value from the original scan)
        """).replace("FILE", scan.toString()), Fixtures.problems(scan));
  }

  @Test
  void aJsonRecordWithoutAnAddressIsSkippedUnidentified() throws Exception {
    Path scan = Files.writeString(dir.resolve("scan.ndjson"), """
        {"ip":"10.0.0.5","timestamp":"1630156508","port":80,"proto":"tcp","rec_type":"status","data":{"status":"open"}}
        {"timestamp":"1630156508","port":443,"proto":"tcp","rec_type":"status","data":{"status":"open"}}
        {"ip":"10.0.0.6","timestamp":"1630156508","port":443,"proto":"tcp","rec_type":"status","data":"open"}
        """);

    RecordingSink partly = RecordingSink.readPartially(NmapScanSource.of(scan));

    assertEquals(List.of("10.0.0.5"), partly.facts().stream().map(Fact::id).toList());
    assertEquals(("""
        FILE:2:1: the host record has no "ip" (masscan writes the address of every record as text; \
        restore the value from the original scan)
        FILE:3:95: host 10.0.0.6: the record's "data" is the text 'open', not an object \
        (masscan --ndjson writes a port's status or banner under "data"; restore the value from the original scan)
        """).replace("FILE", scan.toString()), Fixtures.problems(scan));
  }

  @Test
  void aJsonScanCutShortIsRefused() throws IOException {
    Path scan = Files.writeString(dir.resolve("cut.json"), """
        [
        {"ip": "10.0.0.5", "timestamp": "1629960621", "ports": [{"port": 80, "proto": "tcp", "status": "open"}]},
        """);

    assertEquals(scan + ":3:1: the file ends before every bracket is closed"
        + " (the scan is truncated, or masscan was interrupted; run the scan again and let it finish)\n",
        Fixtures.problems(scan));
  }

  /** The sample gives www.example.org, from its first record (at column 1 of {@code line}) and its first time. */
  private static void assertOneDevice(String sample, int line, Instant firstSeen) throws SourceException {
    RecordingSink sink = Fixtures.read(Fixtures.path(sample));

    assertEquals(List.of(EXAMPLE_ORG), sink.facts());
    assertEquals(List.of(new Origin("nmap", Fixtures.path(sample).toString(), line, 1, firstSeen)), sink.origins());
  }
}
