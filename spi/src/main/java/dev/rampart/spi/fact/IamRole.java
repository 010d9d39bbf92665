package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A cloud identity-and-access role that devices or apps can assume, with what its policies grant.
 *
 * @param arn the role's ARN (or the cloud's equivalent id); {@code null} when unknown
 * @param permissions what the role's policies allow and deny; {@code null} when unknown
 * @param serviceAccess when the role last used each service its policies grant; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record IamRole(
    @Nullable String arn,
    @Nullable AccessPolicy permissions,
    @Nullable List<ServiceAccess> serviceAccess) {

  public IamRole {
    arn = FieldValues.text(arn);
    serviceAccess = Collections2.copyOrNull(serviceAccess);
  }
}
