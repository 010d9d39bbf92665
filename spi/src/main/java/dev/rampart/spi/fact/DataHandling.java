package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What data a device handles and how.
 *
 * @param personalData the device handles personal data; {@code null} when unknown
 * @param sensitiveData the device handles data the organisation classes as sensitive; {@code null} when unknown
 * @param encryptedInTransit data is encrypted in transit; {@code null} when unknown
 * @param encryptedAtRest data is encrypted at rest; {@code null} when unknown
 * @param retentionPolicy a retention policy applies; {@code null} when unknown
 * @param retentionDays how many days data is kept; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record DataHandling(
    @Nullable Boolean personalData,
    @Nullable Boolean sensitiveData,
    @Nullable Boolean encryptedInTransit,
    @Nullable Boolean encryptedAtRest,
    @Nullable Boolean retentionPolicy,
    @Format(ValueFormat.DAYS) @Nullable Integer retentionDays) {

  public DataHandling {
    retentionDays = FieldValues.number("retentionDays", retentionDays, ValueFormat.DAYS);
  }

  /** Starts a data-handling record with every field unknown. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this one, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.personalData = personalData;
    builder.sensitiveData = sensitiveData;
    builder.encryptedInTransit = encryptedInTransit;
    builder.encryptedAtRest = encryptedAtRest;
    builder.retentionPolicy = retentionPolicy;
    builder.retentionDays = retentionDays;
    return builder;
  }

  /** Builds a {@link DataHandling}; fields not set stay unknown. */
  public static final class Builder {
    private @Nullable Boolean personalData;
    private @Nullable Boolean sensitiveData;
    private @Nullable Boolean encryptedInTransit;
    private @Nullable Boolean encryptedAtRest;
    private @Nullable Boolean retentionPolicy;
    private @Nullable Integer retentionDays;

    private Builder() {}

    public Builder personalData(@Nullable Boolean personalData) {
      this.personalData = personalData;
      return this;
    }

    public Builder sensitiveData(@Nullable Boolean sensitiveData) {
      this.sensitiveData = sensitiveData;
      return this;
    }

    public Builder encryptedInTransit(@Nullable Boolean encryptedInTransit) {
      this.encryptedInTransit = encryptedInTransit;
      return this;
    }

    public Builder encryptedAtRest(@Nullable Boolean encryptedAtRest) {
      this.encryptedAtRest = encryptedAtRest;
      return this;
    }

    public Builder retentionPolicy(@Nullable Boolean retentionPolicy) {
      this.retentionPolicy = retentionPolicy;
      return this;
    }

    public Builder retentionDays(@Nullable Integer retentionDays) {
      this.retentionDays = retentionDays;
      return this;
    }

    public DataHandling build() {
      return new DataHandling(personalData, sensitiveData, encryptedInTransit, encryptedAtRest, retentionPolicy, retentionDays);
    }
  }
}
