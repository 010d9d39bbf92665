package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Frame;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the consequences of one session hand their work to, given to them as a Drools global: the
 * findings of an evaluation, or the frames an explanation reads.
 */
final class SessionContext {

  /** The global's name. */
  static final String GLOBAL = "sessionContext";

  private final FindingSink sink;
  private final Consumer<Frame> frames;

  private SessionContext(FindingSink sink, Consumer<Frame> frames) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.frames = Objects.requireNonNull(frames, "frames");
  }

  /** For evaluation: findings go to the sink. */
  static SessionContext evaluating(FindingSink sink) {
    return new SessionContext(sink, frame -> {});
  }

  /** For explanation: every joined frame goes to {@code frames}. */
  static SessionContext explaining(Consumer<Frame> frames) {
    return new SessionContext((drools, finding) -> {}, frames);
  }

  FindingSink sink() {
    return sink;
  }

  Consumer<Frame> frames() {
    return frames;
  }
}
