package dev.rampart.adapter.nmap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.value.ValueFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads masscan's JSON: the list {@code -oJ} writes (each record a host with a {@code ports} list), or
 * the one object a line of {@code --ndjson} (each record one port's {@code status} or {@code banner}).
 * Every record becomes part of the device of its {@code ip}; a record with a value the reader cannot use
 * makes that device a skipped record.
 */
final class MasscanJsonReader {

  static final String WRITE_JSON = "run masscan with -oJ (or -oX) to write a scan Rampart reads";

  private final JsonParser parser;
  private final SourceProblems problems;
  private final HostDevices hosts;
  private @Nullable Instant firstSeen;

  MasscanJsonReader(JsonParser parser, SourceProblems problems, HostDevices hosts) {
    this.parser = parser;
    this.problems = problems;
    this.hosts = hosts;
  }

  void read() throws IOException, SourceException {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      while (parser.nextToken() != JsonToken.END_ARRAY && !problems.isFull()) {
        record(Json.read(parser));
      }
      if (!problems.isFull() && parser.nextToken() != null) {
        problems.add(Json.positionOf(parser.currentTokenLocation()), "", "there is more after the end of the list",
            "masscan -oJ writes one JSON list; scan into an empty file");
      }
    } else {
      for (JsonToken token = first; token != null && !problems.isFull(); token = parser.nextToken()) {
        record(Json.read(parser));
      }
    }
    hosts.collectedAt(firstSeen);
    hosts.finish(null);
  }

  private void record(Json value) throws SourceException {
    ScannedHost host = new ScannedHost();
    if (!(value instanceof Json.Members record)) {
      host.fault(value.at(), "expected a host record (an object with \"ip\" and \"ports\") but found "
          + value.describe(), WRITE_JSON);
      hosts.add(host, value.at());
      return;
    }
    Json ip = record.get("ip");
    if (ip instanceof Json.Text address) {
      (address.text().contains(":") ? host.ipv6 : host.ipv4).add(address.text());
    } else {
      host.fault(record.at(), "the host record has " + (ip == null ? "no \"ip\"" : "\"ip\" " + ip.describe()
          + ", not an address"), "masscan writes the address of every record as text; " + ScannedHost.RESTORE);
    }
    timestamp(host, record.get("timestamp"));
    Json ports = record.get("ports");
    if (ports == null && record.get("rec_type") != null) {
      // --ndjson: one port's status or banner a line, its details under "data"
      host.ports = new ArrayList<>();
      Json data = record.get("data");
      if (data instanceof Json.Members details) {
        port(host, record, text(record, "proto"), text(details, "status"), text(details, "service_name"));
      } else {
        host.fault((data == null ? record : data).at(), "the record's \"data\" is "
            + (data == null ? "missing" : data.describe()) + ", not an object",
            "masscan --ndjson writes a port's status or banner under \"data\"; " + ScannedHost.RESTORE);
      }
      hosts.add(host, record.at());
      return;
    }
    if (!(ports instanceof Json.Elements list)) {
      host.fault(record.at(), "the host record has neither a \"ports\" list (-oJ) nor a \"rec_type\" (--ndjson)",
          WRITE_JSON);
      hosts.add(host, record.at());
      return;
    }
    host.ports = new ArrayList<>();
    for (Json element : list.elements()) {
      port(host, element);
    }
    hosts.add(host, record.at());
  }

  /** A port of {@code -oJ}: its status, or the banner masscan grabbed from it. */
  private void port(ScannedHost host, Json element) {
    if (!(element instanceof Json.Members port)) {
      host.fault(element.at(), "expected a port (an object with \"port\" and \"proto\") but found "
          + element.describe(), WRITE_JSON);
      return;
    }
    String banner = port.get("service") instanceof Json.Members service ? text(service, "name") : null;
    port(host, port, text(port, "proto"), text(port, "status"), banner);
  }

  /**
   * One port's record; {@code banner} is the name of the banner masscan grabbed ({@code http}, {@code ssl} ...),
   * a record with a banner but no status says the port answered, so it is open.
   */
  private void port(ScannedHost host, Json.Members port, @Nullable String proto, @Nullable String status,
      @Nullable String banner) {
    if ("icmp".equals(proto)) {
      // a ping reply: the host answered, but it is no service
      host.pinged |= "open".equals(status);
      return;
    }
    Json number = port.get("port");
    Integer portNumber = number instanceof Json.Number n ? portNumber(n.text()) : null;
    if (portNumber == null) {
      host.fault((number == null ? port : number).at(), "\"port\" "
          + (number == null ? "is missing" : "is " + number.describe() + ", not a port number"),
          ValueFormat.PORT.fix() + "; " + ScannedHost.RESTORE);
    }
    if (!ScannedPort.PROTOCOLS.contains(String.valueOf(proto))) {
      Json given = port.get("proto");
      host.fault((given == null ? port : given).at(), "\"proto\" " + (given == null ? "is missing"
          : "is " + given.describe() + ", not a protocol masscan scans"), "masscan writes tcp, udp, sctp or icmp; "
          + ScannedHost.RESTORE);
    }
    String state = status == null && banner != null ? "open" : status;
    if (state == null) {
      host.fault(port.at(), "the port has neither a \"status\" nor a banner", "masscan writes one of them for"
          + " every port it lists; " + ScannedHost.RESTORE);
    } else if (!ScannedPort.STATES.contains(state)) {
      host.fault(port.at(), "\"status\" is '" + state + "', not a port state", "masscan writes open or closed; "
          + ScannedHost.RESTORE);
    }
    if (portNumber == null) {
      return;
    }
    ScannedPort scanned = new ScannedPort(portNumber, ScannedPort.transport(proto));
    scanned.state = state;
    scanned.tlsBanner = ScannedPort.isTlsBanner(banner);
    Objects.requireNonNull(host.ports, "ports").add(scanned);
  }

  /** The time of the first record, as the scan's: masscan writes seconds since 1970, as text or a number. */
  private void timestamp(ScannedHost host, @Nullable Json value) {
    String seconds = value instanceof Json.Text text ? text.text() : value instanceof Json.Number n ? n.text() : null;
    if (value == null) {
      return;
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(String.valueOf(seconds).trim()));
      firstSeen = firstSeen == null ? at : firstSeen;
    } catch (NumberFormatException e) {
      host.fault(value.at(), "\"timestamp\" is " + value.describe() + ", not a time in seconds since 1970",
          "masscan writes the time as a whole number; " + ScannedHost.RESTORE);
    }
  }

  private static @Nullable Integer portNumber(String text) {
    try {
      int number = Integer.parseInt(text);
      return ValueFormat.PORT.accepts(number) ? number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable String text(Json.Members object, String name) {
    return object.get(name) instanceof Json.Text text ? text.text() : null;
  }
}
