package dev.rampart.adapter.nmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rampart.adapter.testkit.FactContents;
import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact messages a user sees for a file that is not a complete nmap XML scan, and what is never read. */
class NmapProblemsTest {

  private static final String SECRET = "SECRET-7f3a";

  @TempDir Path dir;

  @Test
  void normalOutputIsNotXml() {
    assertProblems("normal-output.nmap", """
        FILE:1:1: this is not XML (run nmap with -oX to write XML; normal (-oN) and grepable (-oG) output cannot be read)
        """);
  }

  @Test
  void anotherToolsXmlIsNotAnNmapScan() {
    assertProblems("not-nmap.xml", """
        FILE:2:36: the root element is <scan>, not <nmaprun>: this is not an nmap scan \
        (run nmap with -oX to write XML; normal (-oN) and grepable (-oG) output cannot be read)
        """);
  }

  @Test
  void aTruncatedScanIsRefusedWhereItEnds() {
    assertProblems("truncated.xml", """
        FILE:27:61: the file ends in the middle of the scan \
        (it is truncated, or nmap was interrupted; run the scan again and let it finish)
        """);
  }

  @Test
  void anEmptyFile() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.xml"), "");

    assertEquals(empty + ":1:1: the file is empty or ends before the first element"
        + " (run nmap with -oX to write XML; normal (-oN) and grepable (-oG) output cannot be read)\n",
        Fixtures.problems(empty));
  }

  @Test
  void aMissingFileOrADirectory() {
    Path missing = dir.resolve("scan.xml");

    assertEquals("cannot read '" + missing + "': no such file (check the path)\n", Fixtures.problems(missing));
    assertEquals("cannot read '" + dir + "': it is a directory (give the path of an nmap -oX file)\n",
        Fixtures.problems(dir));
  }

  @Test
  void scriptTablesNestedThousandsDeepAreRefusedWhereTheyGetTooDeep() throws IOException {
    Path scan = Files.writeString(dir.resolve("deep.xml"), "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\">\n"
        + "<host><status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>\n<ports><port protocol=\"tcp\""
        + " portid=\"443\"><state state=\"open\"/><service name=\"https\"/>\n<script id=\"ssl-cert\" output=\"\">"
        + "<table>".repeat(20_000) + "</table>".repeat(20_000) + "</script></port></ports></host></nmaprun>\n");

    String problems = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fixtures.problems(scan));

    assertEquals(scan + ":5:264: a script's output nests <table> elements more than 32 deep (nmap's own scripts"
        + " nest a few levels; is this file really unedited nmap -oX output?)\n", problems);
  }

  @Test
  void aFifoIsRefusedInsteadOfHangingTheRead() throws Exception {
    Path fifo = dir.resolve("scan.xml");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");

    String problems = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fixtures.problems(fifo));

    assertEquals("cannot read '" + fifo + "': it is not a regular file: a device, FIFO or socket is never read"
        + " (give the path of an nmap -oX file)\n", problems);
  }

  @Test
  void aBadStartTimeFailsTheScanAsAWhole() throws IOException {
    Path edited = Files.writeString(dir.resolve("edited.xml"), """
        <?xml version="1.0"?>
        <nmaprun scanner="nmap" start="yesterday">
        <host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/></host>
        </nmaprun>
        """);

    assertEquals(("""
        FILE:2:43: <nmaprun start="yesterday"> is not a time in seconds since 1970 \
        (nmap writes the scan's start as a whole number; restore it or remove the attribute)
        """).replace("FILE", edited.toString()), Fixtures.problems(edited));
  }

  @Test
  void aHostWithAPortStateOrAddressNobodyKnowsIsSkippedWithEveryFaultAndTheOthersAreRead() throws Exception {
    Path edited = Files.writeString(dir.resolve("edited.xml"), """
        <?xml version="1.0"?>
        <nmaprun scanner="nmap">
        <host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/>
        <ports><port protocol="tcp" portid="http"><state state="open"/></port>
        <port protocol="tcp" portid="70000"><state state="open"/></port></ports>
        </host>
        <host><status state="up"/></host>
        <host><status state="up"/><address addr="10.0.0.3" addrtype="ipv4"/>
        <ports><port protocol="tcpx" portid="22"><state state="open"/></port>
        <port protocol="udp" portid="161"><state state="half-open"/></port>
        <port protocol="udp" portid="162"></port></ports></host>
        <host><status state="sideways"/><address addr="10.0.0.4" addrtype="ipv4"/></host>
        <host><address addr="10.0.0.5" addrtype="ipv4"/></host>
        <host><status state="up"/><address addr="10.0.0.6" addrtype="ipx"/><address addrtype="ipv4"/></host>
        <host><status state="up"/><address addr="10.0.0.7"/>
        <ports><port protocol="udp" portid="161"><state state="open|filtered"/></port></ports></host>
        </nmaprun>
        """);

    RecordingSink partly = RecordingSink.readPartially(NmapScanSource.of(edited));

    assertEquals(List.of("10.0.0.7"), partly.facts().stream().map(Fact::id).toList(),
        "an address without addrtype is ipv4, as nmap's DTD says; open|filtered is a state nmap writes");
    assertEquals(List.of("device '10.0.0.1'", "a record", "device '10.0.0.3'", "device '10.0.0.4'", "device '10.0.0.5'",
        "a record"), partly.skippedRecords().stream().map(SkippedRecord::describeFact).toList());
    assertEquals(new Origin("nmap", edited.toString(), 3, 7), partly.skippedRecords().get(0).origin(),
        "a skipped host is placed at its <host> element");
    assertEquals(("""
        FILE:4:43: host 10.0.0.1: <port portid="http"> is not a port number \
        (ports are 1 to 65535; restore the value from the original scan)
        FILE:5:37: host 10.0.0.1: <port portid="70000"> is not a port number \
        (ports are 1 to 65535; restore the value from the original scan)
        FILE:7:7: a host that is up has no <address> (nmap always writes one; restore the value from the original scan)
        FILE:9:42: host 10.0.0.3: <port protocol="tcpx"> is not a protocol nmap scans \
        (nmap writes tcp, udp, sctp or ip; restore the value from the original scan)
        FILE:10:35: host 10.0.0.3: <state state="half-open"> is not a port state nmap writes \
        (nmap writes open, closed, filtered, unfiltered, open|filtered or closed|filtered; \
        restore the value from the original scan)
        FILE:11:35: host 10.0.0.3: <port portid="162"> has no <state> \
        (nmap writes the state of every port it lists; restore the value from the original scan)
        FILE:12:33: host 10.0.0.4: <status state="sideways"> is not a host state nmap writes \
        (nmap writes up, down, unknown or skipped; restore the value from the original scan)
        FILE:13:7: host 10.0.0.5: the <host> has no <status> \
        (nmap writes whether each host is up; restore the value from the original scan)
        FILE:14:7: a host that is up has no <address> (nmap always writes one; restore the value from the original scan)
        FILE:14:68: <address addrtype="ipx"> is not an address type nmap writes \
        (nmap writes ipv4, ipv6 or mac; restore the value from the original scan)
        FILE:14:94: an <address> without an addr (nmap writes the address in addr; restore the value from the original scan)
        """).replace("FILE", edited.toString()), Fixtures.problems(edited));
  }

  @Test
  void valuesTheFactModelRefusesSkipTheirHostWithThePlace() throws Exception {
    Path edited = Files.writeString(dir.resolve("edited.xml"), """
        <?xml version="1.0"?>
        <nmaprun scanner="nmap">
        <host><status state="up"/><address addr="010.0.0.1" addrtype="ipv4"/></host>
        <host><status state="up"/><address addr="10.0.0.2" addrtype="ipv4"/>
        <address addr="00:1A:2B:3C:4D" addrtype="mac"/></host>
        <host><status state="up"/><address addr="10.0.0.3" addrtype="ipv4"/>
        <ports><port protocol="tcp" portid="0"><state state="open"/></port>
        <port protocol="tcp" portid="443"><state state="open"/>
        <script id="ssl-cert" output=""><elem key="pubkey"></elem>
        <table key="subject"><elem key="commonName">cam</elem></table>
        <table key="pubkey"><elem key="type">rsa</elem><elem key="bits">0</elem></table>
        </script></port></ports></host>
        <host><status state="up"/><address addr="10.0.0.4" addrtype="ipv4"/></host>
        </nmaprun>
        """);

    RecordingSink partly = RecordingSink.readPartially(NmapScanSource.of(edited));

    assertEquals(List.of("10.0.0.4"), partly.facts().stream().map(Fact::id).toList());
    assertEquals(List.of("010.0.0.1", "10.0.0.2", "10.0.0.3"),
        partly.skippedRecords().stream().map(SkippedRecord::factId).toList());
    assertEquals(("""
        FILE:3:7: host 010.0.0.1: ipAddresses[0] '010.0.0.1' is not an IP address \
        (write an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10; \
        restore the value from the original scan)
        FILE:4:7: host 10.0.0.2: macAddress '00:1A:2B:3C:4D' is not a MAC address (write six pairs of hex digits \
        such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too); \
        restore the value from the original scan)
        FILE:7:40: host 10.0.0.3: <port portid="0"> is not a port number \
        (ports are 1 to 65535; restore the value from the original scan)
        FILE:9:33: host 10.0.0.3: <script id="ssl-cert">: certificate keySize 0 is not a key size \
        (a key size is a positive number of bits, e.g. 2048; restore the value from the original scan)
        """).replace("FILE", edited.toString()), Fixtures.problems(edited));
  }

  @Test
  void sslScriptOutputThatSaysNothingReadableSkipsItsHostRatherThanReadingAsNotFound() throws Exception {
    Path edited = Files.writeString(dir.resolve("edited.xml"), """
        <?xml version="1.0"?>
        <nmaprun scanner="nmap">
        <host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/>
        <ports><port protocol="tcp" portid="443"><state state="open"/><service name="https" tunnel="ssl"/>
        <script id="ssl-known-key" output="Trouvé dans Little Black Box"/>
        <script id="sslv2" output="SSLv2 pris en charge"/></port></ports></host>
        <host><status state="up"/><address addr="10.0.0.2" addrtype="ipv4"/>
        <ports><port protocol="tcp" portid="443"><state state="open"/><service name="https" tunnel="ssl"/>
        <script id="ssl-known-key" output="ERROR: Script execution failed (use -d to debug)"/></port></ports></host>
        </nmaprun>
        """);

    RecordingSink partly = RecordingSink.readPartially(NmapScanSource.of(edited));

    assertEquals(List.of("10.0.0.2"), partly.facts().stream().map(Fact::id).toList(),
        "a script that failed is no evidence either way: its host is read, the fields stay unknown");
    assertEquals(("""
        FILE:5:67: host 10.0.0.1: <script id="ssl-known-key"> names no list the key was found in \
        (nmap writes 'Found in LIST (SHA-1: ...)' and a section element when it finds the key; \
        restore the value from the original scan)
        FILE:6:51: host 10.0.0.1: <script id="sslv2"> says neither 'SSLv2 supported' nor an SSL 2.0 cipher suite \
        (nmap writes this script's result only for a server that speaks SSL 2.0; restore the value from the original scan)
        """).replace("FILE", edited.toString()), Fixtures.problems(edited));
  }

  @Test
  void aScanThatListsNoHostIsAProblemNotACleanScanOfNothing() {
    assertProblems("no-hosts.xml", """
        FILE:4:162: the scan lists no host, so it gives no device \
        (nmap lists only the hosts that answered: none did; scan hosts that are up, or leave out this source)
        """);
  }

  @Test
  void aBillionLaughsFailsFastWithoutExpandingAnything() {
    String problems = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fixtures.problems(Fixtures.path("billion-laughs.xml")));

    assertEquals("""
        FILE:15:34: the entity '&lol9;' is not declared; DTDs and external entities are never read \
        (nmap output uses no entities of its own; is this file really from nmap -oX?)
        """.replace("FILE", Fixtures.path("billion-laughs.xml").toString()), problems);
  }

  @Test
  void anExternalEntityIsNeverRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path scan = Files.writeString(dir.resolve("xxe.xml"), """
        <?xml version="1.0"?>
        <!DOCTYPE nmaprun [ <!ENTITY xxe SYSTEM "%s"> ]>
        <nmaprun scanner="nmap"><host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/>
        <hostnames><hostname name="&xxe;" type="user"/></hostnames></host></nmaprun>
        """.formatted(secret.toUri()));

    String problems = Fixtures.problems(scan);

    assertEquals(scan + ":4:33: the entity '&xxe;' is not declared; DTDs and external entities are never read"
        + " (nmap output uses no entities of its own; is this file really from nmap -oX?)\n", problems);
  }

  @Test
  void anExternalDtdIsNeverFetched() throws IOException, SourceException {
    // If the DTD were read, it would declare the entity and its text would become the device's name;
    // unread, the reference to an entity it might declare is dropped, as XML allows.
    Path dtd = Files.writeString(dir.resolve("nmap.dtd"), "<!ENTITY leak \"" + SECRET + "\">\n");
    Path scan = Files.writeString(dir.resolve("dtd.xml"), """
        <?xml version="1.0"?>
        <!DOCTYPE nmaprun SYSTEM "%s">
        <nmaprun scanner="nmap"><host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/>
        <hostnames><hostname name="&leak;" type="user"/></hostnames></host></nmaprun>
        """.formatted(dtd.toUri()));

    List<Fact> facts = Fixtures.read(scan).facts();

    assertEquals(1, facts.size());
    assertNull(((Device) facts.get(0)).name());
    assertFalse(FactContents.of(facts).contains(SECRET));
  }

  @Test
  void nmapsOwnDoctypeWithoutEntitiesIsFine() throws SourceException {
    assertEquals(1, Fixtures.devices("structured.xml").size(), "structured.xml starts with <!DOCTYPE nmaprun>");
  }

  @Test
  void hostsAreHandedOverAsTheyAreReadNotAfterTheWholeFile() throws IOException {
    // A reader that built a tree of the whole file first would fail before handing over anything.
    Path scan = Files.writeString(dir.resolve("broken-tail.xml"), """
        <?xml version="1.0"?>
        <nmaprun scanner="nmap"><host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/></host>
        <host><status state="up"/><address addr="10.0.0.2" addrtype="ipv4"/></host>
        <host><oops></host>
        </nmaprun>
        """);
    List<Fact> seen = new ArrayList<>();

    assertThrows(SourceException.class, () -> NmapScanSource.of(scan).read((fact, origin) -> seen.add(fact)));

    assertEquals(List.of("10.0.0.1", "10.0.0.2"), seen.stream().map(Fact::id).toList());
  }

  @Test
  void aScanOfManyHostsIsReadInOnePass() throws IOException, SourceException {
    Path scan = dir.resolve("many.xml");
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\" start=\"1795600800\">\n");
    for (int i = 0; i < 20_000; i++) {
      xml.append("<host><status state=\"up\"/><address addr=\"10.").append(i / 65536).append('.')
          .append(i / 256 % 256).append('.').append(i % 256).append("\" addrtype=\"ipv4\"/><ports>")
          .append("<port protocol=\"tcp\" portid=\"23\"><state state=\"open\"/><service name=\"telnet\"/></port>")
          .append("</ports></host>\n");
    }
    Files.writeString(scan, xml.append("</nmaprun>\n"));
    int[] telnet = {0};

    NmapScanSource.of(scan).read((fact, origin) -> telnet[0] += ((Device) fact).services().size());

    assertEquals(20_000, telnet[0]);
  }

  private static void assertProblems(String fixture, String expected) {
    assertEquals(expected.replace("FILE", Fixtures.path(fixture).toString()), Fixtures.problems(Fixtures.path(fixture)));
  }
}
