package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A supplier of devices or of a platform the deployment relies on.
 *
 * @param id stable identifier, unique among vendors
 * @param name display name; {@code null} when unknown
 * @param disclosureProgram runs a vulnerability disclosure program; {@code null} when unknown
 * @param supplyChainPolicy has a supply-chain security policy; {@code null} when unknown
 * @param sbom publishes a software bill of materials for its firmware; {@code null} when unknown
 * @param securityContract is bound by contractual security commitments; {@code null} when unknown
 * @param patchSupportUntil the date until which the vendor commits to security patches; {@code null} when unknown
 * @param attributes site-specific data that rules can reference as {@code attributes.NAME}: each a single
 *     value (text, number, true/false) or a list of them
 */
@API(status = STABLE, since = "0.1")
public record Vendor(
    String id,
    @Nullable String name,
    @Nullable Boolean disclosureProgram,
    @Nullable Boolean supplyChainPolicy,
    @Nullable Boolean sbom,
    @Nullable Boolean securityContract,
    @Nullable LocalDate patchSupportUntil,
    Map<String, Object> attributes) implements Fact {

  public Vendor {
    Collections2.requireId(id, FactType.VENDOR);
    name = FieldValues.text(name);
    attributes = Collections2.copyAttributes(attributes);
  }

  /**
   * Names the vendor by id alone: a fact's fields may hold credentials (fingerprints, serial
   * numbers), and a fact reaches logs whole as an argument, as Drools logs each fact it holds at TRACE.
   */
  @Override
  public String toString() {
    return "Vendor[id=" + id + "]";
  }

  /** Starts a vendor with the given id and every other field unknown. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder that starts from this fact, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.name = name;
    builder.disclosureProgram = disclosureProgram;
    builder.supplyChainPolicy = supplyChainPolicy;
    builder.sbom = sbom;
    builder.securityContract = securityContract;
    builder.patchSupportUntil = patchSupportUntil;
    builder.attributes = attributes;
    return builder;
  }

  @Override
  public FactType type() {
    return FactType.VENDOR;
  }

  /** Builds a {@link Vendor}; fields not set stay unknown. */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable Boolean disclosureProgram;
    private @Nullable Boolean supplyChainPolicy;
    private @Nullable Boolean sbom;
    private @Nullable Boolean securityContract;
    private @Nullable LocalDate patchSupportUntil;
    private Map<String, Object> attributes = Map.of();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    public Builder disclosureProgram(@Nullable Boolean disclosureProgram) {
      this.disclosureProgram = disclosureProgram;
      return this;
    }

    public Builder supplyChainPolicy(@Nullable Boolean supplyChainPolicy) {
      this.supplyChainPolicy = supplyChainPolicy;
      return this;
    }

    public Builder sbom(@Nullable Boolean sbom) {
      this.sbom = sbom;
      return this;
    }

    public Builder securityContract(@Nullable Boolean securityContract) {
      this.securityContract = securityContract;
      return this;
    }

    public Builder patchSupportUntil(@Nullable LocalDate patchSupportUntil) {
      this.patchSupportUntil = patchSupportUntil;
      return this;
    }

    public Builder attributes(Map<String, Object> attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    public Vendor build() {
      return new Vendor(id, name, disclosureProgram, supplyChainPolicy, sbom, securityContract, patchSupportUntil, attributes);
    }
  }
}
