package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An identity pool that hands out cloud credentials (Amazon Cognito), for signed-in identities and, when
 * allowed, for anyone at all.
 *
 * @param id the pool's id; {@code null} when unknown
 * @param name the pool's name; {@code null} when unknown
 * @param allowUnauthenticated the pool hands out credentials to unauthenticated (guest) identities;
 *     {@code null} when unknown
 * @param authenticatedRole the role signed-in identities get; {@code null} when unknown or none
 * @param unauthenticatedRole the role guest identities get; {@code null} when unknown or none
 */
@API(status = STABLE, since = "0.1")
public record IdentityPool(
    @Nullable String id,
    @Nullable String name,
    @Nullable Boolean allowUnauthenticated,
    @Nullable IamRole authenticatedRole,
    @Nullable IamRole unauthenticatedRole) {

  public IdentityPool {
    id = FieldValues.text(id);
    name = FieldValues.text(name);
  }
}
