package dev.rampart.adapter.nmap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.value.ValueFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads masscan's JSON: the list {@code -oJ} writes (each record a host with a {@code ports} list), or
 * the one object a line of {@code --ndjson} (each record one port's {@code status} or {@code banner}).
 * Every record becomes part of the device of its {@code ip}.
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

  void read() throws IOException {
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

  private void record(Json value) {
    if (!(value instanceof Json.Members record)) {
      problems.add(value.at(), "", "expected a host record (an object with \"ip\" and \"ports\") but found "
          + value.describe(), WRITE_JSON);
      return;
    }
    ScannedHost host = new ScannedHost();
    String ip = text(record, "ip");
    if (ip != null) {
      (ip.contains(":") ? host.ipv6 : host.ipv4).add(ip);
    }
    timestamp(record.get("timestamp"));
    Json ports = record.get("ports");
    if (ports == null && record.get("rec_type") != null) {
      // --ndjson: one port's status or banner a line, its details under "data"
      Json.Members data = record.get("data") instanceof Json.Members members ? members : new Json.Members(Map.of(), record.at());
      host.ports = new ArrayList<>();
      port(host, record, text(record, "proto"), text(data, "status"), text(data, "service_name"));
      hosts.add(host, record.at());
      return;
    }
    if (!(ports instanceof Json.Elements list)) {
      problems.add(record.at(), "", "the host record " + (ip == null ? "" : "of " + ip + " ")
          + "has neither a \"ports\" list (-oJ) nor a \"rec_type\" (--ndjson)", WRITE_JSON);
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
      problems.add(element.at(), "", "expected a port (an object with \"port\" and \"proto\") but found "
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
      problems.add((number == null ? port : number).at(), "", "\"port\" "
          + (number == null ? "is missing" : "is " + number.describe() + ", not a port number"),
          ValueFormat.PORT.fix() + "; restore the value from the original scan");
      return;
    }
    ScannedPort scanned = new ScannedPort(portNumber, ScannedPort.transport(proto));
    scanned.state = status == null && banner != null ? "open" : status;
    scanned.tlsBanner = ScannedPort.isTlsBanner(banner);
    Objects.requireNonNull(host.ports, "ports").add(scanned);
  }

  private void timestamp(@Nullable Json value) {
    String seconds = value instanceof Json.Text text ? text.text() : value instanceof Json.Number n ? n.text() : null;
    if (seconds == null || firstSeen != null) {
      return;
    }
    try {
      firstSeen = Instant.ofEpochSecond(Long.parseLong(seconds.trim()));
    } catch (NumberFormatException e) {
      problems.add(value.at(), "", "\"timestamp\" is " + value.describe() + ", not a time in seconds since 1970",
          "masscan writes the time as a whole number; restore it or remove the member");
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
