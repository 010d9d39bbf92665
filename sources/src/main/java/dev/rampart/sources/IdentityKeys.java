package dev.rampart.sources;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rampart.sources.merge.IdentityKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/** The names of identity keys on the command line. */
@API(status = INTERNAL, since = "0.1")
public final class IdentityKeys {

  private static final Map<String, IdentityKey> BY_NAME = Map.of(
      "id", IdentityKey.ID,
      "serial", IdentityKey.SERIAL_NUMBER,
      "mac", IdentityKey.MAC_ADDRESS,
      "ip", IdentityKey.IP_ADDRESS);

  private IdentityKeys() {}

  /** The names, in the default order: {@code id, serial, mac, ip}. */
  public static List<String> names() {
    return List.of("id", "serial", "mac", "ip");
  }

  /** The command-line name of a key. */
  public static String name(IdentityKey key) {
    return switch (key) {
      case ID -> "id";
      case SERIAL_NUMBER -> "serial";
      case MAC_ADDRESS -> "mac";
      case IP_ADDRESS -> "ip";
    };
  }

  /**
   * The key with a command-line name.
   *
   * @throws IllegalArgumentException naming the valid names
   */
  public static IdentityKey parse(String name) {
    IdentityKey key = BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
    if (key == null) {
      throw new IllegalArgumentException("'" + name + "' is not an identity key (use " + String.join(", ", names()) + ")");
    }
    return key;
  }
}
