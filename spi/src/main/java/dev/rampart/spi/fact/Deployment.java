package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Organisation-level facts about the deployment as a whole.
 *
 * @param id stable identifier, unique among deployments
 * @param name display name; {@code null} when unknown
 * @param incidentResponse incident-response readiness; {@code null} when unknown
 * @param training staff training; {@code null} when unknown
 * @param automation identity automation; {@code null} when unknown
 * @param updates update roll-out process; {@code null} when unknown
 * @param zeroTrust access requests are verified with device posture and identity, not network location; {@code null} when unknown
 * @param registries the cloud device registries the deployment's devices are enrolled in (AWS IoT Core
 *     accounts, Azure IoT hubs), with their account-wide settings; {@code null} when unknown
 * @param attributes site-specific data that rules can reference as {@code attributes.NAME}: each a single
 *     value (text, number, true/false) or a list of them
 */
@API(status = STABLE, since = "0.1")
public record Deployment(
    String id,
    @Nullable String name,
    @Nullable IncidentResponse incidentResponse,
    @Nullable Training training,
    @Nullable Automation automation,
    @Nullable UpdateProcess updates,
    @Nullable Boolean zeroTrust,
    @Nullable List<DeviceRegistry> registries,
    Map<String, Object> attributes) implements Fact {

  public Deployment {
    Collections2.requireId(id, FactType.DEPLOYMENT);
    name = FieldValues.text(name);
    registries = Collections2.copyOrNull(registries);
    attributes = Collections2.copyAttributes(attributes);
  }

  /**
   * Names the deployment by id alone: a fact's fields may hold credentials (fingerprints, serial
   * numbers), and a fact reaches logs whole as an argument, as Drools logs each fact it holds at TRACE.
   */
  @Override
  public String toString() {
    return "Deployment[id=" + id + "]";
  }

  /** Starts a deployment with the given id and every other field unknown. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder that starts from this fact, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.name = name;
    builder.incidentResponse = incidentResponse;
    builder.training = training;
    builder.automation = automation;
    builder.updates = updates;
    builder.zeroTrust = zeroTrust;
    builder.registries = registries;
    builder.attributes = attributes;
    return builder;
  }

  @Override
  public FactType type() {
    return FactType.DEPLOYMENT;
  }

  /** Builds a {@link Deployment}; fields not set stay unknown. */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable IncidentResponse incidentResponse;
    private @Nullable Training training;
    private @Nullable Automation automation;
    private @Nullable UpdateProcess updates;
    private @Nullable Boolean zeroTrust;
    private @Nullable List<DeviceRegistry> registries;
    private Map<String, Object> attributes = Map.of();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    public Builder incidentResponse(@Nullable IncidentResponse incidentResponse) {
      this.incidentResponse = incidentResponse;
      return this;
    }

    public Builder training(@Nullable Training training) {
      this.training = training;
      return this;
    }

    public Builder automation(@Nullable Automation automation) {
      this.automation = automation;
      return this;
    }

    public Builder updates(@Nullable UpdateProcess updates) {
      this.updates = updates;
      return this;
    }

    public Builder zeroTrust(@Nullable Boolean zeroTrust) {
      this.zeroTrust = zeroTrust;
      return this;
    }

    public Builder registries(@Nullable List<DeviceRegistry> registries) {
      this.registries = registries;
      return this;
    }

    public Builder attributes(Map<String, Object> attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    public Deployment build() {
      return new Deployment(id, name, incidentResponse, training, automation, updates, zeroTrust, registries, attributes);
    }
  }
}
