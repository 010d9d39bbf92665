package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * When a role last used one cloud service that its policies grant.
 *
 * @param service the service's namespace, e.g. {@code iot} or {@code s3}; {@code null} when unknown
 * @param lastAccessed when the role last called the service; {@code null} when it never did within the
 *     cloud's tracking period, or when unknown
 */
@API(status = STABLE, since = "0.1")
public record ServiceAccess(@Nullable String service, @Nullable Instant lastAccessed) {

  public ServiceAccess {
    service = FieldValues.text(service);
  }
}
