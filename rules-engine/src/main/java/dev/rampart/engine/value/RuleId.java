package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What names a rule across packs: the pack that defines it and its id within the pack. Users write
 * it as {@code PACK/ID}, or as {@code ID} alone where one pack defines it; {@link #isNamedBy} is the
 * one place that reads either form.
 *
 * @param packId the id of the pack that defines the rule
 * @param id the rule's id, unique within its pack
 */
@API(status = STABLE, since = "0.1")
public record RuleId(String packId, String id) {

  public RuleId {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(id, "id");
  }

  /**
   * Whether a rule reference as users write it names this rule: {@code ID}, or {@code PACK/ID}.
   * A reference with a slash names the pack too, so {@code other/IDN-001} does not name
   * {@code baseline/IDN-001}.
   */
  public boolean isNamedBy(String reference) {
    int slash = reference.indexOf('/');
    if (slash < 0) {
      return id.equals(reference);
    }
    return packId.equals(reference.substring(0, slash)) && id.equals(reference.substring(slash + 1));
  }

  /** {@code PACK/ID}, the form reports and rule names use. */
  @Override
  public String toString() {
    return packId + "/" + id;
  }
}
