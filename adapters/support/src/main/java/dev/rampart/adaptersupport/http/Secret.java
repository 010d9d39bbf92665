package dev.rampart.adaptersupport.http;

import java.util.Objects;

/**
 * A credential read from the environment or a file. Its text goes into the {@code Authorization}
 * header and nowhere else: {@link #toString()} names only where it came from, and
 * {@link #redact(String)} scrubs it from any text a server sends back.
 */
public final class Secret {

  private final String value;
  private final String place;

  /**
   * @param value the credential
   * @param place where it was read, for messages, e.g. {@code $NETBOX_TOKEN}
   */
  public Secret(String value, String place) {
    this.value = Objects.requireNonNull(value, "value");
    this.place = Objects.requireNonNull(place, "place");
  }

  public String value() {
    return value;
  }

  /** Where the credential was read, e.g. {@code $NETBOX_TOKEN} or {@code the file '/run/secrets/netbox'}. */
  public String place() {
    return place;
  }

  /** The text with every occurrence of the credential replaced by {@code [secret]}. */
  public String redact(String text) {
    return value.isEmpty() ? text : text.replace(value, "[secret]");
  }

  @Override
  public String toString() {
    return "secret from " + place;
  }
}
