package dev.rampart.oscal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * UUIDs that are the same on every run for the same thing, so that two OSCAL documents of the same
 * pack, rules and facts differ only where the assessment did: name-based version 5 UUIDs (SHA-1, RFC
 * 9562) in a namespace of Rampart's own, named by the parts that identify the thing, e.g. {@code
 * of("observation", packId, ruleId, factType, factId)}.
 */
final class StableUuids {

  /** Rampart's namespace: itself the version 5 UUID of "rampart.dev" in the RFC's DNS namespace. */
  static final UUID NAMESPACE = v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "rampart.dev");

  private StableUuids() {}

  /**
   * The UUID of the thing named by {@code parts}: the first part says what kind of thing it is
   * ("observation", "finding", "subject", ...), the rest identify it. Parts are joined with a
   * separator that cannot occur in them unescaped, so ("a/b", "c") and ("a", "b/c") differ.
   */
  static UUID of(String kind, String... parts) {
    StringBuilder name = new StringBuilder(escape(kind));
    for (String part : parts) {
      name.append('/').append(escape(part));
    }
    return v5(NAMESPACE, name.toString());
  }

  private static String escape(String part) {
    return part.replace("\\", "\\\\").replace("/", "\\/");
  }

  static UUID v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
    sha1.update(toBytes(namespace));
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (hash[i] & 0xff);
      lsb = (lsb << 8) | (hash[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  private static byte[] toBytes(UUID uuid) {
    byte[] bytes = new byte[16];
    long msb = uuid.getMostSignificantBits();
    long lsb = uuid.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (msb >>> (56 - 8 * i));
      bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
    }
    return bytes;
  }
}
