package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.value.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where a case of a tailored pack's test comes from when it is a base pack's: the base, and for a
 * case that did not give the expected outcome, what the base gives with its own parameters. When the
 * base gives the expected outcome, the tailored pack's parameter changes made the difference.
 *
 * @param basePack the id of the base whose fixture holds the case
 * @param baseOutcome the outcome the base itself gives the case; {@code null} when the case passed,
 *     so the base was not asked
 * @param changedParameters the parameters the tailored pack gives another default than the base and
 *     the fixture does not set, those the rule uses (all of them when that is not known)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Inheritance(String basePack, @Nullable Outcome baseOutcome, List<Change> changedParameters) {

  public Inheritance {
    Objects.requireNonNull(basePack, "basePack");
    changedParameters = List.copyOf(changedParameters);
  }

  /** The base's own outcome for the case, when it was asked. */
  public Optional<Outcome> baseGives() {
    return Optional.ofNullable(baseOutcome);
  }

  /**
   * One parameter whose default the tailored pack changes.
   *
   * @param name the parameter
   * @param baseDefault its default in the base, as text
   * @param packDefault its default in the tailored pack, as text
   */
  public record Change(String name, String baseDefault, String packDefault) {

    public Change {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(baseDefault, "baseDefault");
      Objects.requireNonNull(packDefault, "packDefault");
    }
  }
}
