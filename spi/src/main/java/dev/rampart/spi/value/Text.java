package dev.rampart.spi.value;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** Text as facts keep it: blank text says nothing, so it counts as absent. */
@API(status = INTERNAL, since = "0.1")
public final class Text {

  private Text() {}

  /** The text without surrounding white space, or {@code null} when it is {@code null} or blank. */
  public static @Nullable String orNull(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
