package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.source.SourceException;
import java.nio.file.Path;

/**
 * Reads a scan and counts its devices and services without keeping them, for
 * {@link NmapHostileXmlTest}, which runs it in a JVM with a small heap.
 */
final class StreamingScanRead {

  private StreamingScanRead() {}

  public static void main(String[] args) throws SourceException {
    long[] counts = {0, 0};
    NmapScanSource.of(Path.of(args[0])).read((fact, origin) -> {
      counts[0]++;
      counts[1] += ((Device) fact).services().size();
    });
    System.out.println(counts[0] + " devices, " + counts[1] + " services");
  }
}
