package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The firmware a device runs.
 *
 * @param version installed version; {@code null} when unknown
 * @param releaseDate release date of the installed version; {@code null} when unknown
 * @param latestVersion the newest version the vendor offers for this model; {@code null} when unknown
 * @param signed the installed image is signed by the vendor; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Firmware(
    @Nullable String version,
    @Nullable LocalDate releaseDate,
    @Nullable String latestVersion,
    @Nullable Boolean signed) {

  public Firmware {
    version = FieldValues.text(version);
    latestVersion = FieldValues.text(latestVersion);
  }
}
