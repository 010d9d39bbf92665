package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import dev.rampart.spi.value.ValueFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
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
  /** The host states of nmap's DTD; only {@code up} makes a device. */
  private static final Set<String> HOST_STATES = Set.of("up", "down", "unknown", "skipped");
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

  void read() throws XMLStreamException, SourceException {
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
      // <scaninfo>, <verbose>, <taskbegin>, <prescript>, <runstats> ... describe the run, not a host
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

  private void readHost(HostDevices hosts) throws XMLStreamException, SourceException {
    TextPosition at = cursor.position();
    ScannedHost host = new ScannedHost();
    int level = cursor.level();
    while (cursor.nextChild(level)) {
      switch (cursor.name()) {
        case "status" -> status(host);
        case "address" -> address(host);
        case "hostnames" -> hostnames(host);
        case "ports" -> ports(host);
        // OS detection, uptime, traceroute, host scripts and timings say nothing the fact model holds
        default -> { }
      }
    }
    if (!masscan && host.status == null) {
      host.fault(at, "the <host> has no <status>", "nmap writes whether each host is up; " + ScannedHost.RESTORE);
    }
    hosts.add(host, at);
  }

  private void status(ScannedHost host) {
    String state = cursor.attribute("state");
    if (state == null || !HOST_STATES.contains(state)) {
      host.fault(cursor.position(), "<status state=\"" + state + "\"> is not a host state nmap writes",
          "nmap writes up, down, unknown or skipped; " + ScannedHost.RESTORE);
    }
    host.status = state;
  }

  private void address(ScannedHost host) {
    String address = cursor.attribute("addr");
    // nmap's DTD makes ipv4 the type of an address written without one
    String type = Objects.requireNonNullElse(cursor.attribute("addrtype"), "ipv4");
    if (address == null || address.isBlank()) {
      host.fault(cursor.position(), "an <address> without an addr", "nmap writes the address in addr; "
          + ScannedHost.RESTORE);
      return;
    }
    switch (type) {
      case "ipv4" -> host.ipv4.add(address);
      case "ipv6" -> host.ipv6.add(address);
      case "mac" -> {
        host.mac = address;
        host.macVendor = cursor.attribute("vendor");
      }
      default -> host.fault(cursor.position(), "<address addrtype=\"" + type + "\"> is not an address type nmap"
          + " writes", "nmap writes ipv4, ipv6 or mac; " + ScannedHost.RESTORE);
    }
  }

  private void hostnames(ScannedHost host) throws XMLStreamException {
    int level = cursor.level();
    while (cursor.nextChild(level)) {
      String name = cursor.attribute("name");
      // an empty name is no name: nmap writes <hostname name=""> when a reverse lookup gave nothing
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
      // <extraports> only counts the ports of one state that were not listed one by one
      if (cursor.name().equals("port")) {
        ScannedPort port = port(host);
        if (port != null) {
          host.ports.add(port);
        }
      }
    }
  }

  private @Nullable ScannedPort port(ScannedHost host) throws XMLStreamException {
    TextPosition at = cursor.position();
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
    String portId = cursor.attribute("portid");
    Integer number = portNumber(portId);
    if (number == null) {
      host.fault(at, "<port portid=\"" + portId + "\"> is not a port number",
          ValueFormat.PORT.fix() + "; " + ScannedHost.RESTORE);
    }
    if (!ScannedPort.PROTOCOLS.contains(String.valueOf(protocol))) {
      host.fault(at, "<port protocol=\"" + protocol + "\"> is not a protocol nmap scans",
          "nmap writes tcp, udp, sctp or ip; " + ScannedHost.RESTORE);
    }
    ScannedPort port = new ScannedPort(number == null ? 0 : number, ScannedPort.transport(protocol));
    int level = cursor.level();
    while (cursor.nextChild(level)) {
      switch (cursor.name()) {
        case "state" -> port.state = cursor.attribute("state");
        case "service" -> service(port);
        case "script" -> script(host, port);
        default -> { }
      }
    }
    if (port.state == null) {
      host.fault(at, "<port portid=\"" + portId + "\"> has no <state>", "nmap writes the state of every port it"
          + " lists; " + ScannedHost.RESTORE);
    } else if (!ScannedPort.STATES.contains(port.state)) {
      host.fault(at, "<state state=\"" + port.state + "\"> is not a port state nmap writes", ScannedPort.STATES_FIX
          + "; " + ScannedHost.RESTORE);
    }
    return number == null ? null : port;
  }

  private static @Nullable Integer portNumber(@Nullable String portId) {
    try {
      int number = Integer.parseInt(String.valueOf(portId).trim());
      return ValueFormat.PORT.accepts(number) ? number : null;
    } catch (NumberFormatException e) {
      return null;
    }
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

  private void script(ScannedHost host, ScannedPort port) throws XMLStreamException {
    TextPosition at = cursor.position();
    String id = cursor.attribute("id");
    if (id == null || !SCRIPTS.contains(id)) {
      // deliberately unread: no other script's output is evidence a rule reads (docs/adapters/nmap.md)
      return;
    }
    ScriptOutput output = ScriptOutput.read(cursor);
    if (output.failed()) {
      // "ERROR: ..." says the script could not look, which is no evidence either way: the fields stay unknown
      return;
    }
    switch (id) {
      case CipherScan.SCRIPT -> port.ciphers = CipherScan.of(output);
      case SslV2Script.SCRIPT -> {
        port.sslV2 = SslV2Script.of(output);
        if (!port.sslV2.supported()) {
          // nmap writes the script only when the server speaks SSL 2.0: output that says otherwise is not nmap's
          host.fault(at, "<script id=\"" + id + "\"> says neither 'SSLv2 supported' nor an SSL 2.0 cipher suite",
              "nmap writes this script's result only for a server that speaks SSL 2.0; " + ScannedHost.RESTORE);
        }
      }
      case KnownKeyScript.SCRIPT -> {
        port.knownKey = KnownKeyScript.of(output);
        if (port.knownKey == null) {
          // read as "not found", the certificate's published key would pass the shared-key rule
          host.fault(at, "<script id=\"" + id + "\"> names no list the key was found in", "nmap writes 'Found in"
              + " LIST (SHA-1: ...)' and a section element when it finds the key; " + ScannedHost.RESTORE);
        }
      }
      case AuthScript.SCRIPT -> port.authSchemes = AuthScript.schemes(output);
      default -> {
        try {
          port.certificate = CertificateScript.of(output);
        } catch (InvalidFactException e) {
          host.fault(at, "<script id=\"" + id + "\">: certificate " + e.withoutFix(), e.fix() + "; "
              + ScannedHost.RESTORE);
        }
      }
    }
  }
}
