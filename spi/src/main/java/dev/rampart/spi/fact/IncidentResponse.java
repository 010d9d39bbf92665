package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's IoT incident-response readiness.
 *
 * @param playbook an IoT incident-response playbook exists; {@code null} when unknown
 * @param coversIsolation the playbook covers isolating devices; {@code null} when unknown
 * @param coversForensics the playbook covers forensic collection; {@code null} when unknown
 * @param coversVendorCoordination the playbook covers coordinating with vendors; {@code null} when unknown
 * @param lastExercised when the playbook was last exercised; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record IncidentResponse(
    @Nullable Boolean playbook,
    @Nullable Boolean coversIsolation,
    @Nullable Boolean coversForensics,
    @Nullable Boolean coversVendorCoordination,
    @Nullable LocalDate lastExercised) {

  /** Starts an incident response record with every field unknown. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this one, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.playbook = playbook;
    builder.coversIsolation = coversIsolation;
    builder.coversForensics = coversForensics;
    builder.coversVendorCoordination = coversVendorCoordination;
    builder.lastExercised = lastExercised;
    return builder;
  }

  /** Builds a {@link IncidentResponse}; fields not set stay unknown. */
  public static final class Builder {
    private @Nullable Boolean playbook;
    private @Nullable Boolean coversIsolation;
    private @Nullable Boolean coversForensics;
    private @Nullable Boolean coversVendorCoordination;
    private @Nullable LocalDate lastExercised;

    private Builder() {}

    public Builder playbook(@Nullable Boolean playbook) {
      this.playbook = playbook;
      return this;
    }

    public Builder coversIsolation(@Nullable Boolean coversIsolation) {
      this.coversIsolation = coversIsolation;
      return this;
    }

    public Builder coversForensics(@Nullable Boolean coversForensics) {
      this.coversForensics = coversForensics;
      return this;
    }

    public Builder coversVendorCoordination(@Nullable Boolean coversVendorCoordination) {
      this.coversVendorCoordination = coversVendorCoordination;
      return this;
    }

    public Builder lastExercised(@Nullable LocalDate lastExercised) {
      this.lastExercised = lastExercised;
      return this;
    }

    public IncidentResponse build() {
      return new IncidentResponse(playbook, coversIsolation, coversForensics, coversVendorCoordination, lastExercised);
    }
  }
}
