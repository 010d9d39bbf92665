package dev.rampart.engine.value;

import dev.rampart.spi.source.DisplayText;

/** A signing or verifying key file cannot be read, or holds no Ed25519 key; the message says which and why. */
public final class KeyFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(DisplayText.escape(message));
  }
}
