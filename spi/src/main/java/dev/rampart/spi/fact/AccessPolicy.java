package dev.rampart.spi.fact;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a device's identity is allowed to do.
 *
 * @param actions allowed actions, e.g. iot:Publish; {@code null} when unknown
 * @param resources resources the actions apply to, e.g. topic ARNs; {@code null} when unknown
 */
public record AccessPolicy(
    @Nullable List<String> actions,
    @Nullable List<String> resources) {

  public AccessPolicy {
    actions = FieldValues.texts(actions);
    resources = FieldValues.texts(resources);
  }
}
