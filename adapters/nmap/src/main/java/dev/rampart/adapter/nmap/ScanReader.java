package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import dev.rampart.spi.value.ValueFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Walks one nmap XML document and hands each host that is up to the sink as a device, one host at a
 * time: however many hosts a scan has, only the current one is held in memory. masscan writes the same
 * document with one {@code <host>} per port found and no {@code <status>}; its hosts are gathered by
 * address and handed on at the end, so a masscan scan is held in memory (its hosts, not its banners).
 */
final class ScanReader {

  private static final String ROOT = "nmaprun";
  private static final String MASSCAN = "masscan";
  /** The scripts whose output is read; every other script is skipped unread. */
  private static final Set<String> SCRIPTS = Set.of(CipherScan.SCRIPT, SslV2Script.SCRIPT, KnownKeyScript.SCRIPT,
      AuthScript.SCRIPT, CertificateScript.SCRIPT);

  private final String file;
  private final XmlCursor cursor;
  private final FactSink sink;
  private final SourceProblems problems;
  private final @Nullable Exposure scannedFrom;
  /** masscan's dialect: {@code <nmaprun scanner="masscan">}. */
  private boolean masscan;

  ScanReader(String file, XmlCursor cursor, FactSink sink, SourceProblems problems, @Nullable Exposure scannedFrom) {
    this.file = file;
    this.cursor = cursor;
    this.sink = sink;
    this.problems = problems;
    this.scannedFrom = scannedFrom;
  }

  void read() throws XMLStreamException {
    if (!cursor.toRoot()) {
      problems.add(cursor.position(), "", "the file holds no XML element", XmlFailure.WRITE_XML);
      return;
    }
    if (!cursor.name().equals(ROOT)) {
      problems.add(cursor.position(), "", "the root element is <" + cursor.name() + ">, not <" + ROOT
          + ">: this is not an nmap scan", XmlFailure.WRITE_XML);
      return;
    }
    TextPosition rootAt = cursor.position();
    masscan = MASSCAN.equals(cursor.attribute("scanner"));
    HostDevices hosts = new HostDevices(file, sink, problems, scannedFrom,
        masscan ? HostDevices.Dialect.MASSCAN_XML : HostDevices.Dialect.NMAP_XML);
    hosts.collectedAt(startTime(cursor.attribute("start")));
    int root = cursor.level();
    while (cursor.nextChild(root)) {
      if (cursor.name().equals("host")) {
        readHost(hosts);
      }
    }
    cursor.toEnd();
    hosts.finish(rootAt);
  }

  private @Nullable Instant startTime(@Nullable String start) {
    if (start == null) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(start.trim()));
    } catch (NumberFormatException e) {
      problems.add(cursor.position(), "", "<nmaprun start=\"" + start + "\"> is not a time in seconds since 1970",
          "nmap writes the scan's start as a whole number; restore it or remove the attribute");
      return null;
    }
  }

  private void readHost(HostDevices hosts) throws XMLStreamException {
    TextPosition at = cursor.position();
    ScannedHost host = new ScannedHost();
    int level = cursor.level();
    while (cursor.nextChild(level)) {
      switch (cursor.name()) {
        case "status" -> host.status = cursor.attribute("state");
        case "address" -> address(host);
        case "hostnames" -> hostnames(host);
        case "ports" -> ports(host);
        default -> { }
      }
    }
    hosts.add(host, at);
  }

  private void address(ScannedHost host) {
    String address = cursor.attribute("addr");
    String type = cursor.attribute("addrtype");
    if (address == null || type == null) {
      return;
    }
    switch (type) {
      case "ipv4" -> host.ipv4.add(address);
      case "ipv6" -> host.ipv6.add(address);
      case "mac" -> {
        host.mac = address;
        host.macVendor = cursor.attribute("vendor");
      }
      default -> { }
    }
  }

  private void hostnames(ScannedHost host) throws XMLStreamException {
    int level = cursor.level();
    while (cursor.nextChild(level)) {
      String name = cursor.attribute("name");
      if (!cursor.name().equals("hostname") || name == null || name.isBlank()) {
        continue;
      }
      if ("user".equals(cursor.attribute("type"))) {
        host.userHostname = host.userHostname == null ? name : host.userHostname;
      } else if (host.otherHostname == null) {
        host.otherHostname = name;
      }
    }
  }

  private void ports(ScannedHost host) throws XMLStreamException {
    host.ports = new ArrayList<>();
    int level = cursor.level();
    while (cursor.nextChild(level)) {
      if (cursor.name().equals("port")) {
        ScannedPort port = port(host);
        if (port != null) {
          host.ports.add(port);
        }
      }
    }
  }

  private @Nullable ScannedPort port(ScannedHost host) throws XMLStreamException {
    String protocol = cursor.attribute("protocol");
    if ("ip".equals(protocol)) {
      // An IP protocol scan (-sO) lists protocol numbers, not services.
      return null;
    }
    if ("icmp".equals(protocol)) {
      // masscan's ping reply (portid="0"): the host answered, but it is no service.
      int level = cursor.level();
      while (cursor.nextChild(level)) {
        if (cursor.name().equals("state") && "open".equals(cursor.attribute("state"))) {
          host.pinged = true;
        }
      }
      return null;
    }
    Integer number = portNumber(cursor.attribute("portid"));
    if (number == null) {
      return null;
    }
    ScannedPort port = new ScannedPort(number, ScannedPort.transport(protocol));
    int level = cursor.level();
    while (cursor.nextChild(level)) {
      switch (cursor.name()) {
        case "state" -> port.state = cursor.attribute("state");
        case "service" -> service(port);
        case "script" -> script(port);
        default -> { }
      }
    }
    return port;
  }

  private @Nullable Integer portNumber(@Nullable String portId) {
    try {
      int number = Integer.parseInt(String.valueOf(portId).trim());
      if (ValueFormat.PORT.accepts(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(cursor.position(), "", "<port portid=\"" + portId + "\"> is not a port number",
        ValueFormat.PORT.fix() + "; restore the value from the original scan");
    return null;
  }

  private void service(ScannedPort port) {
    if (masscan) {
      // masscan names the banner it grabbed (http, title, ssl, X509 ...), not the service; only a TLS
      // handshake or certificate is evidence it can give.
      port.tlsBanner |= ScannedPort.isTlsBanner(cursor.attribute("name"));
      return;
    }
    port.name = cursor.attribute("name");
    port.product = cursor.attribute("product");
    port.version = cursor.attribute("version");
    port.tunnel = cursor.attribute("tunnel");
    port.method = cursor.attribute("method");
  }

  private void script(ScannedPort port) throws XMLStreamException {
    TextPosition at = cursor.position();
    String id = cursor.attribute("id");
    if (id == null || !SCRIPTS.contains(id)) {
      return;
    }
    ScriptOutput output = ScriptOutput.read(cursor);
    if (output.failed()) {
      return;
    }
    switch (id) {
      case CipherScan.SCRIPT -> port.ciphers = CipherScan.of(output);
      case SslV2Script.SCRIPT -> port.sslV2 = SslV2Script.of(output);
      case KnownKeyScript.SCRIPT -> port.knownKey = KnownKeyScript.of(output);
      case AuthScript.SCRIPT -> port.authSchemes = AuthScript.schemes(output);
      default -> {
        try {
          port.certificate = CertificateScript.of(output);
        } catch (InvalidFactException e) {
          problems.add(at, "", "<script id=\"" + id + "\">: certificate " + e.withoutFix(),
              e.fix() + "; restore the value from the original scan");
        }
      }
    }
  }

}
