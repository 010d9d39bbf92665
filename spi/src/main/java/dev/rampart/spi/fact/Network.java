package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A network segment devices attach to.
 *
 * @param id stable identifier, unique among networks
 * @param name display name; {@code null} when unknown
 * @param zone security zone; {@code null} when unknown
 * @param vlan VLAN id; {@code null} when unknown
 * @param cidr address range, e.g. 10.20.0.0/24; {@code null} when unknown
 * @param egress outbound traffic policy; {@code null} when unknown
 * @param lateral policy for traffic between devices (east-west); {@code null} when unknown
 * @param criticalSystemsAccess how far the segment reaches critical systems; {@code null} when unknown
 * @param monitoring how the segment's traffic is watched; {@code null} when unknown
 * @param attributes site-specific data that rules can reference as {@code attributes.NAME}: each a single
 *     value (text, number, true/false) or a list of them
 */
@API(status = STABLE, since = "0.1")
public record Network(
    String id,
    @Nullable String name,
    @Nullable Zone zone,
    @Format(ValueFormat.VLAN) @Nullable Integer vlan,
    @Format(ValueFormat.NETWORK) @Nullable String cidr,
    @Nullable Egress egress,
    @Nullable Lateral lateral,
    @Nullable CriticalSystemsAccess criticalSystemsAccess,
    @Nullable NetworkMonitoring monitoring,
    Map<String, Object> attributes) implements Fact {

  public Network {
    Collections2.requireId(id, FactType.NETWORK);
    try {
      name = FieldValues.text(name);
      vlan = FieldValues.number("vlan", vlan, ValueFormat.VLAN);
      cidr = FieldValues.formatted("cidr", cidr, ValueFormat.NETWORK);
    } catch (InvalidFactException e) {
      throw e.about(FactType.NETWORK, id);
    }
    attributes = Collections2.copyAttributes(attributes);
  }

  /**
   * Names the network by id alone: a fact's fields may hold credentials (fingerprints, serial
   * numbers), and a fact reaches logs whole as an argument, as Drools logs each fact it holds at TRACE.
   */
  @Override
  public String toString() {
    return "Network[id=" + id + "]";
  }

  /** Starts a network with the given id and every other field unknown. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder that starts from this fact, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.name = name;
    builder.zone = zone;
    builder.vlan = vlan;
    builder.cidr = cidr;
    builder.egress = egress;
    builder.lateral = lateral;
    builder.criticalSystemsAccess = criticalSystemsAccess;
    builder.monitoring = monitoring;
    builder.attributes = attributes;
    return builder;
  }

  @Override
  public FactType type() {
    return FactType.NETWORK;
  }

  /** Builds a {@link Network}; fields not set stay unknown. */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable Zone zone;
    private @Nullable Integer vlan;
    private @Nullable String cidr;
    private @Nullable Egress egress;
    private @Nullable Lateral lateral;
    private @Nullable CriticalSystemsAccess criticalSystemsAccess;
    private @Nullable NetworkMonitoring monitoring;
    private Map<String, Object> attributes = Map.of();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    public Builder zone(@Nullable Zone zone) {
      this.zone = zone;
      return this;
    }

    public Builder vlan(@Nullable Integer vlan) {
      this.vlan = vlan;
      return this;
    }

    public Builder cidr(@Nullable String cidr) {
      this.cidr = cidr;
      return this;
    }

    public Builder egress(@Nullable Egress egress) {
      this.egress = egress;
      return this;
    }

    public Builder lateral(@Nullable Lateral lateral) {
      this.lateral = lateral;
      return this;
    }

    public Builder criticalSystemsAccess(@Nullable CriticalSystemsAccess criticalSystemsAccess) {
      this.criticalSystemsAccess = criticalSystemsAccess;
      return this;
    }

    public Builder monitoring(@Nullable NetworkMonitoring monitoring) {
      this.monitoring = monitoring;
      return this;
    }

    public Builder attributes(Map<String, Object> attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    public Network build() {
      return new Network(id, name, zone, vlan, cidr, egress, lateral, criticalSystemsAccess, monitoring, attributes);
    }
  }
}
