package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A connected device in the deployment.
 *
 * @param id stable identifier, unique among devices
 * @param name display name; {@code null} when unknown
 * @param model model name; {@code null} when unknown
 * @param serialNumber serial number; {@code null} when unknown
 * @param macAddress MAC address of the primary interface; {@code null} when unknown
 * @param ipAddresses IP addresses; {@code null} when unknown
 * @param vendorId the vendor's id; {@code null} when unknown
 * @param networkIds ids of the networks the device is attached to; {@code null} when unknown
 * @param deviceClass constrained, standard or gateway; {@code null} when unknown
 * @param owner the person or team accountable for the device; {@code null} when unknown
 * @param criticality how much the business depends on the device; {@code null} when unknown
 * @param hardware hardware security features; {@code null} when unknown
 * @param firmware installed firmware; {@code null} when unknown
 * @param ota over-the-air update set-up; {@code null} when unknown
 * @param credentials identity and secrets; {@code null} when unknown
 * @param accessPolicy what the device's identity may do; {@code null} when unknown
 * @param services network services the device exposes; {@code null} when unknown
 * @param wireless wireless link; {@code null} when unknown
 * @param data data the device handles; {@code null} when unknown
 * @param monitoring how the device is watched; {@code null} when unknown
 * @param resilience fallback and backups; {@code null} when unknown
 * @param lifecycle lifecycle plan; {@code null} when unknown
 * @param connectivity how the device reaches cloud services; {@code null} when unknown
 * @param outboundDestinations outbound destinations observed in traffic; {@code null} when unknown
 * @param egressAllowlist outbound destinations the device is allowed (e.g. from its MUD file); {@code null} when unknown
 * @param observedPeers internal hosts (addresses, networks or names) the device was seen exchanging traffic
 *     with (east-west); {@code null} when unknown
 * @param allowedPeers internal hosts the device may exchange traffic with; {@code null} when unknown
 * @param presence which systems of record and discovery sources report the device; {@code null} when unknown
 * @param attributes site-specific data that rules can reference as {@code attributes.NAME}: each a single
 *     value (text, number, true/false) or a list of them
 */
@API(status = STABLE, since = "0.1")
public record Device(
    String id,
    @Nullable String name,
    @Nullable String model,
    @Nullable String serialNumber,
    @Format(ValueFormat.MAC_ADDRESS) @Nullable String macAddress,
    @Format(ValueFormat.IP_ADDRESS) @Nullable List<String> ipAddresses,
    @Ref(FactType.VENDOR) @Nullable String vendorId,
    @Ref(FactType.NETWORK) @Nullable List<String> networkIds,
    @Nullable DeviceClass deviceClass,
    @Nullable String owner,
    @Nullable Criticality criticality,
    @Nullable Hardware hardware,
    @Nullable Firmware firmware,
    @Nullable Ota ota,
    @Nullable Credentials credentials,
    @Nullable AccessPolicy accessPolicy,
    @Nullable List<Service> services,
    @Nullable Wireless wireless,
    @Nullable DataHandling data,
    @Nullable Monitoring monitoring,
    @Nullable Resilience resilience,
    @Nullable Lifecycle lifecycle,
    @Nullable Connectivity connectivity,
    @Format(ValueFormat.DESTINATION) @Nullable List<String> outboundDestinations,
    @Format(ValueFormat.DESTINATION) @Nullable List<String> egressAllowlist,
    @Format(ValueFormat.DESTINATION) @Nullable List<String> observedPeers,
    @Format(ValueFormat.DESTINATION) @Nullable List<String> allowedPeers,
    @Nullable Presence presence,
    Map<String, Object> attributes) implements Fact {

  public Device {
    Collections2.requireId(id, FactType.DEVICE);
    try {
      name = FieldValues.text(name);
      model = FieldValues.text(model);
      serialNumber = FieldValues.text(serialNumber);
      macAddress = FieldValues.formatted("macAddress", macAddress, ValueFormat.MAC_ADDRESS);
      ipAddresses = FieldValues.formatted("ipAddresses", ipAddresses, ValueFormat.IP_ADDRESS);
      vendorId = FieldValues.text(vendorId);
      networkIds = FieldValues.texts(networkIds);
      owner = FieldValues.text(owner);
      services = Collections2.copyOrNull(services);
      outboundDestinations =
          FieldValues.formatted("outboundDestinations", outboundDestinations, ValueFormat.DESTINATION);
      egressAllowlist = FieldValues.formatted("egressAllowlist", egressAllowlist, ValueFormat.DESTINATION);
      observedPeers = FieldValues.formatted("observedPeers", observedPeers, ValueFormat.DESTINATION);
      allowedPeers = FieldValues.formatted("allowedPeers", allowedPeers, ValueFormat.DESTINATION);
    } catch (InvalidFactException e) {
      throw e.about(FactType.DEVICE, id);
    }
    attributes = Collections2.copyAttributes(attributes);
  }

  /**
   * Names the device by id alone: a fact's fields may hold credentials (fingerprints, serial
   * numbers), and a fact reaches logs whole as an argument, as Drools logs each fact it holds at TRACE.
   */
  @Override
  public String toString() {
    return "Device[id=" + id + "]";
  }

  /** Starts a device with the given id and every other field unknown. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder that starts from this fact, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.name = name;
    builder.model = model;
    builder.serialNumber = serialNumber;
    builder.macAddress = macAddress;
    builder.ipAddresses = ipAddresses;
    builder.vendorId = vendorId;
    builder.networkIds = networkIds;
    builder.deviceClass = deviceClass;
    builder.owner = owner;
    builder.criticality = criticality;
    builder.hardware = hardware;
    builder.firmware = firmware;
    builder.ota = ota;
    builder.credentials = credentials;
    builder.accessPolicy = accessPolicy;
    builder.services = services;
    builder.wireless = wireless;
    builder.data = data;
    builder.monitoring = monitoring;
    builder.resilience = resilience;
    builder.lifecycle = lifecycle;
    builder.connectivity = connectivity;
    builder.outboundDestinations = outboundDestinations;
    builder.egressAllowlist = egressAllowlist;
    builder.observedPeers = observedPeers;
    builder.allowedPeers = allowedPeers;
    builder.presence = presence;
    builder.attributes = attributes;
    return builder;
  }

  @Override
  public FactType type() {
    return FactType.DEVICE;
  }

  /** Builds a {@link Device}; fields not set stay unknown. */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable String model;
    private @Nullable String serialNumber;
    private @Nullable String macAddress;
    private @Nullable List<String> ipAddresses;
    private @Nullable String vendorId;
    private @Nullable List<String> networkIds;
    private @Nullable DeviceClass deviceClass;
    private @Nullable String owner;
    private @Nullable Criticality criticality;
    private @Nullable Hardware hardware;
    private @Nullable Firmware firmware;
    private @Nullable Ota ota;
    private @Nullable Credentials credentials;
    private @Nullable AccessPolicy accessPolicy;
    private @Nullable List<Service> services;
    private @Nullable Wireless wireless;
    private @Nullable DataHandling data;
    private @Nullable Monitoring monitoring;
    private @Nullable Resilience resilience;
    private @Nullable Lifecycle lifecycle;
    private @Nullable Connectivity connectivity;
    private @Nullable List<String> outboundDestinations;
    private @Nullable List<String> egressAllowlist;
    private @Nullable List<String> observedPeers;
    private @Nullable List<String> allowedPeers;
    private @Nullable Presence presence;
    private Map<String, Object> attributes = Map.of();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    public Builder model(@Nullable String model) {
      this.model = model;
      return this;
    }

    public Builder serialNumber(@Nullable String serialNumber) {
      this.serialNumber = serialNumber;
      return this;
    }

    public Builder macAddress(@Nullable String macAddress) {
      this.macAddress = macAddress;
      return this;
    }

    public Builder ipAddresses(@Nullable List<String> ipAddresses) {
      this.ipAddresses = ipAddresses;
      return this;
    }

    public Builder vendorId(@Nullable String vendorId) {
      this.vendorId = vendorId;
      return this;
    }

    public Builder networkIds(@Nullable List<String> networkIds) {
      this.networkIds = networkIds;
      return this;
    }

    public Builder deviceClass(@Nullable DeviceClass deviceClass) {
      this.deviceClass = deviceClass;
      return this;
    }

    public Builder owner(@Nullable String owner) {
      this.owner = owner;
      return this;
    }

    public Builder criticality(@Nullable Criticality criticality) {
      this.criticality = criticality;
      return this;
    }

    public Builder hardware(@Nullable Hardware hardware) {
      this.hardware = hardware;
      return this;
    }

    public Builder firmware(@Nullable Firmware firmware) {
      this.firmware = firmware;
      return this;
    }

    public Builder ota(@Nullable Ota ota) {
      this.ota = ota;
      return this;
    }

    public Builder credentials(@Nullable Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder accessPolicy(@Nullable AccessPolicy accessPolicy) {
      this.accessPolicy = accessPolicy;
      return this;
    }

    public Builder services(@Nullable List<Service> services) {
      this.services = services;
      return this;
    }

    public Builder wireless(@Nullable Wireless wireless) {
      this.wireless = wireless;
      return this;
    }

    public Builder data(@Nullable DataHandling data) {
      this.data = data;
      return this;
    }

    public Builder monitoring(@Nullable Monitoring monitoring) {
      this.monitoring = monitoring;
      return this;
    }

    public Builder resilience(@Nullable Resilience resilience) {
      this.resilience = resilience;
      return this;
    }

    public Builder lifecycle(@Nullable Lifecycle lifecycle) {
      this.lifecycle = lifecycle;
      return this;
    }

    public Builder connectivity(@Nullable Connectivity connectivity) {
      this.connectivity = connectivity;
      return this;
    }

    public Builder outboundDestinations(@Nullable List<String> outboundDestinations) {
      this.outboundDestinations = outboundDestinations;
      return this;
    }

    public Builder egressAllowlist(@Nullable List<String> egressAllowlist) {
      this.egressAllowlist = egressAllowlist;
      return this;
    }

    public Builder observedPeers(@Nullable List<String> observedPeers) {
      this.observedPeers = observedPeers;
      return this;
    }

    public Builder allowedPeers(@Nullable List<String> allowedPeers) {
      this.allowedPeers = allowedPeers;
      return this;
    }

    public Builder presence(@Nullable Presence presence) {
      this.presence = presence;
      return this;
    }

    public Builder attributes(Map<String, Object> attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    public Device build() {
      return new Device(id, name, model, serialNumber, macAddress, ipAddresses, vendorId, networkIds, deviceClass, owner, criticality, hardware, firmware, ota, credentials, accessPolicy, services, wireless, data, monitoring, resilience, lifecycle, connectivity, outboundDestinations, egressAllowlist, observedPeers, allowedPeers, presence, attributes);
    }
  }
}
