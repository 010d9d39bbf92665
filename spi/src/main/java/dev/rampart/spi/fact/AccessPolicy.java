package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an identity (a device's, or an IAM role's) is allowed to do: the union of its policies' Allow
 * statements, and what their Deny statements take away.
 *
 * @param actions allowed actions, e.g. iot:Publish; {@code null} when unknown
 * @param resources resources the actions apply to, e.g. topic ARNs; {@code null} when unknown
 * @param deniedActions actions of the policy's Deny statements; {@code null} when unknown
 * @param deniedResources resources of the policy's Deny statements; {@code null} when unknown
 * @param policies names of the policies the access comes from, attached directly or inherited (e.g. from a
 *     thing group); {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record AccessPolicy(
    @Nullable List<String> actions,
    @Nullable List<String> resources,
    @Nullable List<String> deniedActions,
    @Nullable List<String> deniedResources,
    @Nullable List<String> policies) {

  public AccessPolicy {
    actions = FieldValues.texts(actions);
    resources = FieldValues.texts(resources);
    deniedActions = FieldValues.texts(deniedActions);
    deniedResources = FieldValues.texts(deniedResources);
    policies = FieldValues.texts(policies);
  }
}
