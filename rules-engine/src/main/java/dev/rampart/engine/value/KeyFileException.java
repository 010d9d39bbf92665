package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.DisplayText;
import org.apiguardian.api.API;

/** A signing or verifying key file cannot be read, or holds no Ed25519 key; the message says which and why. */
@API(status = STABLE, since = "0.1")
public final class KeyFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(DisplayText.escape(message));
  }
}
