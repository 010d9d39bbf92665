package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the hosts a scan lists into devices for the sink. nmap's hosts are handed on one at a time as they
 * are read; masscan writes a host record for each port and banner it saw, so its records are gathered by
 * address and handed on at the end, one device each.
 */
final class HostDevices {

  /** The three shapes read: nmap's XML, and masscan's XML and JSON. */
  enum Dialect {
    NMAP_XML("nmap", "<address>"),
    MASSCAN_XML("masscan", "<address>"),
    MASSCAN_JSON("masscan", "\"ip\"");

    private final String scanner;
    private final String address;

    Dialect(String scanner, String address) {
      this.scanner = scanner;
      this.address = address;
    }
  }

  private final String file;
  private final FactSink sink;
  private final SourceProblems problems;
  private final @Nullable Exposure scannedFrom;
  private final Dialect dialect;
  private final boolean masscan;
  private final Map<String, ScannedHost> gathered = new LinkedHashMap<>();
  private final Map<String, @Nullable TextPosition> places = new LinkedHashMap<>();
  private @Nullable Instant collectedAt;
  private int listed;
  private int devices;

  HostDevices(String file, FactSink sink, SourceProblems problems, @Nullable Exposure scannedFrom, Dialect dialect) {
    this.file = file;
    this.sink = sink;
    this.problems = problems;
    this.scannedFrom = scannedFrom;
    this.dialect = dialect;
    this.masscan = dialect != Dialect.NMAP_XML;
  }

  void collectedAt(@Nullable Instant start) {
    collectedAt = start;
  }

  /** One host record as written at {@code at}; a host that is not up (or, for masscan, never answered) is skipped. */
  void add(ScannedHost host, @Nullable TextPosition at) {
    listed++;
    if (!(masscan ? host.answered() : host.isUp())) {
      return;
    }
    String id = host.id();
    if (id == null) {
      problems.add(at, "", "a host that is up has no " + dialect.address,
          dialect.scanner + " always writes one; restore it from the original scan");
      return;
    }
    if (!masscan) {
      emit(id, host, at);
      return;
    }
    ScannedHost seen = gathered.putIfAbsent(id, host);
    if (seen == null) {
      places.put(id, at);
    } else {
      seen.absorb(host);
    }
  }

  /**
   * Hands on the gathered masscan hosts; a scan that lists hosts of which none became a device is a
   * problem at {@code at}, never a clean scan of nothing.
   */
  void finish(@Nullable TextPosition at) {
    for (Map.Entry<String, ScannedHost> host : gathered.entrySet()) {
      emit(host.getKey(), host.getValue(), places.get(host.getKey()));
    }
    if (listed > 0 && devices == 0 && problems.isEmpty()) {
      problems.add(at, "", "the scan lists " + listed + (listed == 1 ? " host" : " hosts")
          + " but none that is up, so it gives no device", masscan
              ? "masscan lists a host for each open port or ping reply it saw; scan again, or leave out this source"
              : "a list scan (-sL) and hosts that did not answer tell nothing about devices; scan hosts that are"
                  + " up, or leave out this source");
    }
  }

  private void emit(String id, ScannedHost host, @Nullable TextPosition at) {
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
    devices++;
  }
}
