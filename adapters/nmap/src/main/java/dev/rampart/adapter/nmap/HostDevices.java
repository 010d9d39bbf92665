package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
  /** masscan's hosts in the order of their first record; a record without an address is one of its own. */
  private final List<Gathered> gathered = new ArrayList<>();
  private final Map<String, Gathered> byAddress = new HashMap<>();
  private @Nullable Instant collectedAt;
  private int listed;
  private int devices;
  private int skipped;

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

  /**
   * One host record as written at {@code at}. A host that is not up (or, for masscan, never answered) is no
   * device and is passed over; a host with a value the reader cannot use, or up without an address, is
   * handed to the sink as skipped, with every fault it has.
   */
  void add(ScannedHost host, @Nullable TextPosition at) throws SourceException {
    listed++;
    String id = host.id();
    if (id == null) {
      // masscan's JSON reader names a record without "ip" itself, with what it holds instead
      if (dialect != Dialect.MASSCAN_JSON && (masscan ? host.answered() : host.isUp())) {
        host.fault(at, "a host " + (masscan ? "that answered" : "that is up") + " has no " + dialect.address,
            dialect.scanner + " always writes one; " + ScannedHost.RESTORE);
      }
      if (host.faults.isEmpty()) {
        return;
      }
      if (masscan) {
        gathered.add(new Gathered(null, host, at));
      } else {
        skip(null, host, at);
      }
      return;
    }
    if (masscan) {
      Gathered seen = byAddress.get(id);
      if (seen == null) {
        Gathered first = new Gathered(id, host, at);
        byAddress.put(id, first);
        gathered.add(first);
      } else {
        seen.host().absorb(host);
      }
      return;
    }
    if (!host.faults.isEmpty()) {
      skip(id, host, at);
    } else if (host.isUp()) {
      emit(id, host, at);
    }
  }

  /**
   * Hands on the gathered masscan hosts; a scan that lists hosts of which none became a device or a
   * skipped record is a problem at {@code at}, never a clean scan of nothing, and so is a scan that lists
   * no host at all.
   */
  void finish(@Nullable TextPosition at) throws SourceException {
    for (Gathered one : gathered) {
      if (!one.host().faults.isEmpty()) {
        skip(one.id(), one.host(), one.at());
      } else if (one.id() != null && one.host().answered()) {
        emit(one.id(), one.host(), one.at());
      }
    }
    if (devices > 0 || skipped > 0 || !problems.isEmpty()) {
      return;
    }
    if (listed == 0) {
      problems.add(at, "", "the scan lists no host, so it gives no device", dialect.scanner
          + " lists only the hosts that answered: none did; scan hosts that are up, or leave out this source");
    } else {
      problems.add(at, "", "the scan lists " + listed + (listed == 1 ? " host" : " hosts")
          + " but none that is up, so it gives no device", masscan
              ? "masscan lists a host for each open port or ping reply it saw; scan again, or leave out this source"
              : "a list scan (-sL) and hosts that did not answer tell nothing about devices; scan hosts that are"
                  + " up, or leave out this source");
    }
  }

  private void emit(String id, ScannedHost host, @Nullable TextPosition at) throws SourceException {
    Device device;
    try {
      device = host.toDevice(id, scannedFrom);
    } catch (InvalidFactException e) {
      host.fault(at, e.pathText() + " " + e.what(), e.fix() + "; " + ScannedHost.RESTORE);
      skip(id, host, at);
      return;
    }
    sink.accept(device, origin(at));
    devices++;
  }

  /**
   * Hands the host to the sink as skipped: each fault a line {@code FILE:LINE:COLUMN: host ADDRESS: WHAT (FIX)},
   * as a device with the id the host would have had, when it has an address.
   */
  private void skip(@Nullable String id, ScannedHost host, @Nullable TextPosition at) throws SourceException {
    SourceProblems lines = new SourceProblems(file);
    for (ScannedHost.Fault fault : host.faults) {
      lines.add(fault.at(), id == null ? "" : "host " + id, fault.what(), fault.fix());
    }
    skipped++;
    Origin origin = origin(at);
    sink.skipped(id == null ? SkippedRecord.unidentified(origin, lines.inFileOrder())
        : SkippedRecord.of(origin, FactType.DEVICE, id, lines.inFileOrder()));
  }

  private Origin origin(@Nullable TextPosition at) {
    int line = at == null ? 0 : at.line();
    int column = at == null ? 0 : at.column();
    return new Origin(NmapScanProvider.ID, file, line, column, collectedAt);
  }

  /** A masscan host: its address ({@code null} for a record without one), what its records said, its first record. */
  private record Gathered(@Nullable String id, ScannedHost host, @Nullable TextPosition at) {}
}
