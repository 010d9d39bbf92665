package dev.rampart.adapter.inventory;

import dev.rampart.spi.source.SourceException;
import java.nio.file.Path;

/**
 * Reads an inventory and counts its devices without keeping them, for {@link HostileInventoryTest},
 * which runs it in a JVM with a small heap.
 */
final class StreamingRead {

  private StreamingRead() {}

  public static void main(String[] args) throws SourceException {
    read(InventoryFileSource.of(Path.of(args[0])));
  }

  private static void read(InventoryFileSource source) throws SourceException {
    long[] devices = {0};
    source.read((fact, origin) -> devices[0]++);
    System.out.println(devices[0] + " devices");
  }

  /** The same, with the lists bound on two threads besides the reading one. */
  static final class OnTwoThreads {

    private OnTwoThreads() {}

    public static void main(String[] args) throws SourceException {
      read(InventoryFileSource.of(Path.of(args[0])).withReadThreads(2));
    }
  }
}
