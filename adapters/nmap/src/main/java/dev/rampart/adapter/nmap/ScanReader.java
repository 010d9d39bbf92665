package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.fact.Transport;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import dev.rampart.spi.value.ValueFormat;
import java.time.Instant;
import java.util.ArrayList;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Walks one nmap XML document and hands each host that is up to the sink as a device, one host at a
 * time: however many hosts a scan has, only the current one is held in memory.
 */
final class ScanReader {

  private static final String ROOT = "nmaprun";

  private final String file;
  private final XmlCursor cursor;
  private final FactSink sink;
  private final SourceProblems problems;
  private final @Nullable Exposure scannedFrom;
  private @Nullable Instant collectedAt;

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
    collectedAt = startTime(cursor.attribute("start"));
    int root = cursor.level();
    while (cursor.nextChild(root)) {
      if (cursor.name().equals("host")) {
        readHost();
      }
    }
    cursor.toEnd();
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

  private void readHost() throws XMLStreamException {
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
    if (!host.isUp()) {
      return;
    }
    String id = host.id();
    if (id == null) {
      problems.add(at, "", "a host that is up has no <address>", "nmap always writes one; restore it from the original scan");
      return;
    }
    Device device;
    try {
      device = host.toDevice(id, scannedFrom);
    } catch (InvalidFactException e) {
      problems.add(at, "", e.withoutFix(), e.fix() + "; restore the value from the original scan");
      return;
    }
    int line = at == null ? 0 : at.line();
    int column = at == null ? 0 : at.column();
    sink.accept(device, new Origin(NmapScanProvider.ID, file, line, column, collectedAt));
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
        ScannedPort port = port();
        if (port != null) {
          host.ports.add(port);
        }
      }
    }
  }

  private @Nullable ScannedPort port() throws XMLStreamException {
    String protocol = cursor.attribute("protocol");
    if ("ip".equals(protocol)) {
      // An IP protocol scan (-sO) lists protocol numbers, not services.
      return null;
    }
    Integer number = portNumber(cursor.attribute("portid"));
    if (number == null) {
      return null;
    }
    ScannedPort port = new ScannedPort(number, transport(protocol));
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
    port.name = cursor.attribute("name");
    port.product = cursor.attribute("product");
    port.version = cursor.attribute("version");
    port.tunnel = cursor.attribute("tunnel");
    port.method = cursor.attribute("method");
  }

  private void script(ScannedPort port) throws XMLStreamException {
    TextPosition at = cursor.position();
    String id = cursor.attribute("id");
    if (CipherScan.SCRIPT.equals(id)) {
      ScriptOutput output = ScriptOutput.read(cursor);
      if (!output.failed()) {
        port.ciphers = CipherScan.of(output);
      }
    } else if (AuthScript.SCRIPT.equals(id)) {
      ScriptOutput output = ScriptOutput.read(cursor);
      if (!output.failed()) {
        port.authSchemes = AuthScript.schemes(output);
      }
    } else if (CertificateScript.SCRIPT.equals(id)) {
      ScriptOutput output = ScriptOutput.read(cursor);
      if (!output.failed()) {
        try {
          port.certificate = CertificateScript.of(output);
        } catch (InvalidFactException e) {
          problems.add(at, "", "<script id=\"" + id + "\">: certificate " + e.withoutFix(),
              e.fix() + "; restore the value from the original scan");
        }
      }
    }
  }

  private static @Nullable Transport transport(@Nullable String protocol) {
    if ("tcp".equals(protocol)) {
      return Transport.TCP;
    }
    return "udp".equals(protocol) ? Transport.UDP : null;
  }
}
