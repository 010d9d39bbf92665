package dev.rampart.adapter.certificates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The certificate blocks of PEM text, each with the line of its {@code -----BEGIN} marker, so that a
 * damaged block can be named by its place while the blocks around it are read.
 */
final class PemBlocks {

  static final String MARKER = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  /** The labels under which PEM files carry certificates (RFC 7468, and OpenSSL's older and trusted forms). */
  private static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");

  private PemBlocks() {}

  /** Whether the bytes are PEM text rather than DER: a DER structure never holds the marker as text at its start. */
  static boolean isPem(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(MARKER);
  }

  /**
   * Every certificate block of the text in order; blocks of other kinds (keys, CRLs, parameters) are
   * passed over.
   */
  static List<Block> certificates(byte[] bytes) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String label = label(lines[i].strip(), MARKER);
      if (label == null) {
        continue;
      }
      int begin = i;
      StringBuilder body = new StringBuilder();
      String ended = null;
      for (i++; i < lines.length; i++) {
        String line = lines[i].strip();
        ended = label(line, END);
        if (ended != null || label(line, MARKER) != null) {
          break;
        }
        if (!line.contains(":")) {
          // RFC 1421 headers ("Proc-Type: ...") are not part of the base64 text
          body.append(line);
        }
      }
      if (ended == null && i < lines.length) {
        i--; // a new block began before this one ended: read it next
      }
      if (CERTIFICATE_LABELS.contains(label)) {
        blocks.add(new Block(begin + 1, label, body.toString(), label.equals(ended)));
      }
    }
    return List.copyOf(blocks);
  }

  private static @Nullable String label(String line, String marker) {
    if (!line.startsWith(marker) || !line.endsWith(DASHES) || line.length() < marker.length() + DASHES.length()) {
      return null;
    }
    return line.substring(marker.length(), line.length() - DASHES.length());
  }

  /**
   * One certificate block.
   *
   * @param line the line of its {@code -----BEGIN} marker, from 1
   * @param label what the marker names, e.g. {@code CERTIFICATE}
   * @param base64 the text between the markers, without line breaks
   * @param closed whether a matching {@code -----END} marker closes it
   */
  record Block(int line, String label, String base64, boolean closed) {}
}
