package dev.rampart.engine.internal.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a pack signature signs: the SHA-256 of every file of the pack directory, one
 * {@code <64 hex digits><two spaces><path>} line per file (the format of {@code sha256sum}),
 * paths relative to the directory with {@code /} between names, sorted by their UTF-8 bytes,
 * UTF-8 text with a line feed after each line.
 */
final class Manifest {

  private final SortedMap<String, String> digests;

  /** @param digests the lower-case hex SHA-256 of each file, by path */
  public Manifest(Map<String, String> digests) {
    SortedMap<String, String> sorted = new TreeMap<>(PackFiles.PATH_ORDER);
    sorted.putAll(digests);
    this.digests = Collections.unmodifiableSortedMap(sorted);
  }

  /** The manifest of the files as they are now. */
  public static Manifest of(PackFiles files) {
    SortedMap<String, String> digests = new TreeMap<>(PackFiles.PATH_ORDER);
    files.files().forEach((path, bytes) -> digests.put(path, HexFormat.of().formatHex(Ed25519.sha256(bytes))));
    return new Manifest(digests);
  }

  /** The hex SHA-256 of each file, by path, in path order. */
  public SortedMap<String, String> digests() {
    return digests;
  }

  /** The bytes that are signed. */
  public byte[] canonical() {
    StringBuilder text = new StringBuilder();
    digests.forEach((path, digest) -> text.append(digest).append("  ").append(path).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** How the files {@code now} differ from this manifest, in path order. */
  public List<Change> changesTo(Manifest now) {
    TreeSet<String> paths = new TreeSet<>(PackFiles.PATH_ORDER);
    paths.addAll(digests.keySet());
    paths.addAll(now.digests.keySet());
    List<Change> changes = new ArrayList<>();
    for (String path : paths) {
      String signed = digests.get(path);
      String current = now.digests.get(path);
      if (signed == null) {
        changes.add(new Change(path, Change.Kind.ADDED));
      } else if (current == null) {
        changes.add(new Change(path, Change.Kind.REMOVED));
      } else if (!signed.equals(current)) {
        changes.add(new Change(path, Change.Kind.CHANGED));
      }
    }
    return changes;
  }

  /** One file that differs from the signed manifest. */
  public record Change(String path, Kind kind) {

    /** How the file differs. */
    public enum Kind {
      ADDED, REMOVED, CHANGED
    }
  }
}
