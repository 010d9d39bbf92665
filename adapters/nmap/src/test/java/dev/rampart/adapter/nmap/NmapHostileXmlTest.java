package dev.rampart.adapter.nmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.rampart.adapter.testkit.TestFiles;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.source.SourceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans written to make the XML parser reach out or blow up. A local HTTP server stands where a
 * DTD, entity, stylesheet or XInclude points and records every request: it must see none.
 */
class NmapHostileXmlTest {

  private static final String HOST = "<host><status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>"
      + "<hostnames><hostname name=\"NAME\" type=\"user\"/></hostnames></host>";

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().toString());
      byte[] body = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void nothingWasFetched() {
    server.stop(0);
    assertEquals(List.of(), requests, "the scan reader fetched something");
  }

  @Test
  void anExternalDtdIsNeverFetched() throws IOException, SourceException {
    Path scan = write("dtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun SYSTEM \"" + base + "/nmap.dtd\">\n"
        + "<nmaprun scanner=\"nmap\">" + HOST.replace("NAME", "&leak;") + "</nmaprun>\n");

    List<Device> devices = devices(scan);

    assertNull(devices.get(0).name(), "an entity the DTD might declare is dropped, not fetched");
  }

  @Test
  void aPublicDtdIsNeverFetched() throws IOException, SourceException {
    Path scan = write("public.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun PUBLIC \"-//NMAP//DTD\" \"" + base
        + "/public.dtd\">\n<nmaprun scanner=\"nmap\">" + HOST.replace("NAME", "cam-01") + "</nmaprun>\n");

    assertEquals("cam-01", devices(scan).get(0).name());
  }

  @Test
  void anExternalParameterEntityIsNeverFetched() throws IOException {
    Path scan = write("parameter.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ <!ENTITY % remote SYSTEM \""
        + base + "/remote.dtd\"> %remote; ]>\n<nmaprun scanner=\"nmap\">" + HOST.replace("NAME", "&leak;")
        + "</nmaprun>\n");

    assertEquals(scan + ":3:126: the entity '&leak;' is not declared; DTDs and external entities are never read"
        + " (nmap output uses no entities of its own; is this file really from nmap -oX?)\n", problems(scan));
  }

  @Test
  void anExternalGeneralEntityIsNeverFetched() throws IOException {
    Path scan = write("general.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ <!ENTITY x SYSTEM \"" + base
        + "/entity.txt\"> ]>\n<nmaprun scanner=\"nmap\">" + HOST.replace("NAME", "&x;") + "</nmaprun>\n");

    assertEquals(scan + ":3:123: the entity '&x;' is not declared; DTDs and external entities are never read"
        + " (nmap output uses no entities of its own; is this file really from nmap -oX?)\n", problems(scan));
  }

  @Test
  void stylesheetsXincludeAndSchemaLocationsAreNeverFetched() throws IOException, SourceException {
    // nmap itself writes an xml-stylesheet instruction; it is a hint for browsers, never followed here.
    Path scan = write("links.xml", "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"" + base + "/nmap.xsl\" type=\"text/xsl\"?>\n"
        + "<nmaprun scanner=\"nmap\" xmlns:xi=\"http://www.w3.org/2001/XInclude\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:x " + base + "/nmap.xsd\">"
        + "<xi:include href=\"" + base + "/more.xml\"/>" + HOST.replace("NAME", "cam-01") + "</nmaprun>\n");

    assertEquals(List.of("cam-01"), devices(scan).stream().map(Device::name).toList());
  }

  @Test
  void aLargeInternalEntityIsNotExpandedEither() throws IOException {
    // The "quadratic blowup": one large entity used many times needs no nesting to exhaust memory.
    String reference = "&big;".repeat(100_000);
    Path scan = write("quadratic.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ <!ENTITY big \"" + "x".repeat(100_000)
        + "\"> ]>\n<nmaprun scanner=\"nmap\">" + HOST.replace("NAME", reference) + "</nmaprun>\n");

    assertEquals(scan + ":3:125: the entity '&big;' is not declared; DTDs and external entities are never read"
        + " (nmap output uses no entities of its own; is this file really from nmap -oX?)\n", problems(scan));
  }

  @Test
  void aCharacterTheJdkParserChokesOnInADtdIsAProblemNotACrash() throws IOException {
    // Found by NmapScanFuzzTest (crash-invalid-char-in-skipped-dtd.xml): the JDK's parser threw a
    // MissingResourceException for a control character in a DTD it skips.
    Path scan = write("dtd-char.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [ \u0001 ]>\n<nmaprun scanner=\"nmap\">"
        + HOST.replace("NAME", "cam-01") + "</nmaprun>\n");

    assertEquals(scan + ":2:21: the XML is malformed: the parser stopped at malformed input (InvalidCharInDTD)"
        + " (check that the file is complete, unedited nmap -oX output)\n", problems(scan));
  }

  @Test
  void aScanFarLargerThanTheHeapIsStreamedThroughIt() throws IOException, InterruptedException {
    // 50,000 hosts with an open port each, 11 MB of XML, read in a JVM with a 24 MB heap: holding the
    // document or the devices would not fit, so the read completing shows the reader streams.
    Path scan = dir.resolve("many.xml");
    try (BufferedWriter out = Files.newBufferedWriter(scan, StandardCharsets.UTF_8)) {
      out.write("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner=\"nmap\" start=\"1795600800\">\n");
      for (int i = 0; i < 50_000; i++) {
        out.write("<host><status state=\"up\"/><address addr=\"10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)
            + "\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"23\"><state state=\"open\"/>"
            + "<service name=\"telnet\" product=\"BusyBox telnetd\"/></port></ports></host>\n");
      }
      out.write("</nmaprun>\n");
    }

    assertEquals("50000 devices, 50000 services", TestFiles.runInSmallHeap(StreamingScanRead.class, scan, 24));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<Device> devices(Path scan) throws SourceException {
    return assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> Fixtures.read(scan).facts().stream().map(Device.class::cast).toList());
  }

  private static String problems(Path scan) {
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fixtures.problems(scan));
  }
}
