package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A finding that was added, changed or removed.
 *
 * @param kind what happened
 * @param before the finding before the change; {@code null} when it was added
 * @param after the finding after the change; {@code null} when it was removed (the result now
 *     passes or is not applicable, or its fact was removed)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FindingEvent(Kind kind, @Nullable RuleResult before, @Nullable RuleResult after) {

  /** What happened to a finding. */
  public enum Kind {
    /** A result became a finding. */
    ADDED,
    /** A finding changed: its outcome, message or evidence. */
    CHANGED,
    /** A finding is one no more. */
    REMOVED
  }

  public FindingEvent {
    Objects.requireNonNull(kind, "kind");
    boolean fits = switch (kind) {
      case ADDED -> before == null && after != null;
      case CHANGED -> before != null && after != null;
      case REMOVED -> before != null && after == null;
    };
    if (!fits) {
      throw new IllegalArgumentException(kind + " needs " + switch (kind) {
        case ADDED -> "only the finding after";
        case CHANGED -> "the finding before and after";
        case REMOVED -> "only the finding before";
      });
    }
  }

  static FindingEvent of(@Nullable RuleResult before, @Nullable RuleResult after) {
    Kind kind = before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
    return new FindingEvent(kind, before, after);
  }

  /** The finding this event is about: the one after the change, or the one removed. */
  public RuleResult finding() {
    return Optional.ofNullable(after).orElse(before);
  }
}
