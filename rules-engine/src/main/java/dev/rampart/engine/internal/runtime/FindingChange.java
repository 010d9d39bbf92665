package dev.rampart.engine.internal.runtime;

import org.jspecify.annotations.Nullable;

/**
 * A finding (a FAIL, UNKNOWN or ERROR result) that appeared, changed or went away.
 *
 * @param before the finding before; {@code null} when it appeared
 * @param after the finding now; {@code null} when it went away (the result passes, is not
 *     applicable, or its fact was removed)
 */
public record FindingChange(@Nullable Result before, @Nullable Result after) {

  public FindingChange {
    if (before == null && after == null) {
      throw new IllegalArgumentException("a change needs a finding before or after");
    }
  }
}
