package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A role alias: the name under which a device exchanges its X.509 certificate for temporary cloud credentials
 * of a role (AWS IoT's credentials provider).
 *
 * @param name the alias; {@code null} when unknown
 * @param credentialDurationSeconds how long the credentials it hands out stay valid, in seconds; {@code null}
 *     when unknown
 * @param role the role it hands out credentials for; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record RoleAlias(
    @Nullable String name,
    @Nullable Integer credentialDurationSeconds,
    @Nullable IamRole role) {

  public RoleAlias {
    name = FieldValues.text(name);
  }
}
