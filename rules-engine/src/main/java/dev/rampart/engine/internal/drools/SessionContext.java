package dev.rampart.engine.internal.drools;

import java.time.Instant;
import java.util.Objects;

/**
 * What the rules of one session need from outside working memory, given to them as a Drools
 * global: the evaluation time, and where their findings go.
 */
public final class SessionContext {

  /** The global's name. */
  static final String GLOBAL = "sessionContext";

  private final Instant now;
  private final FindingSink sink;

  public SessionContext(Instant now, FindingSink sink) {
    this.now = Objects.requireNonNull(now, "now");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  public Instant now() {
    return now;
  }

  FindingSink sink() {
    return sink;
  }
}
