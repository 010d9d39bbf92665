package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A cloud device registry the deployment's devices are enrolled in (an AWS IoT Core account in one region, an
 * Azure IoT hub), with the settings that hold for every device in it.
 *
 * @param id the registry's identity, e.g. {@code aws-iot:123456789012:eu-west-1}; {@code null} when unknown
 * @param caCertificates the CA certificates registered with it, which device certificates chain to; {@code null}
 *     when unknown
 * @param loggingEnabled the registry sends its logs (connections, authorisation failures) to a log service;
 *     {@code null} when unknown
 * @param logLevel the level it logs at, as the registry spells it (e.g. AWS IoT's {@code ERROR}); {@code null}
 *     when unknown or logging is off
 * @param roleAliases role aliases through which devices exchange their certificate for cloud credentials;
 *     {@code null} when unknown
 * @param identityPools identity pools that hand out cloud credentials to apps and devices; {@code null} when
 *     unknown
 */
@API(status = STABLE, since = "0.1")
public record DeviceRegistry(
    @Nullable String id,
    @Nullable List<Certificate> caCertificates,
    @Nullable Boolean loggingEnabled,
    @Nullable String logLevel,
    @Nullable List<RoleAlias> roleAliases,
    @Nullable List<IdentityPool> identityPools) {

  public DeviceRegistry {
    id = FieldValues.text(id);
    caCertificates = Collections2.copyOrNull(caCertificates);
    logLevel = FieldValues.text(logLevel);
    roleAliases = Collections2.copyOrNull(roleAliases);
    identityPools = Collections2.copyOrNull(identityPools);
  }
}
