package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a device proves its identity and what secrets it holds.
 *
 * @param defaultPassword a vendor default password is still set; {@code null} when unknown
 * @param sharedPassword a password is shared with other devices or published by the vendor; {@code null} when unknown
 * @param fingerprint a stable fingerprint of the device's credential, for uniqueness across the fleet; {@code null} when unknown
 * @param authMethod how the device authenticates; {@code null} when unknown
 * @param certificate the device's identity certificate; {@code null} when unknown
 * @param certificates every certificate a registry lists for the device (its principals), the identity
 *     certificate among them; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Credentials(
    @Nullable Boolean defaultPassword,
    @Nullable Boolean sharedPassword,
    @Nullable String fingerprint,
    @Nullable AuthMethod authMethod,
    @Nullable Certificate certificate,
    @Nullable List<Certificate> certificates) {

  public Credentials {
    fingerprint = FieldValues.text(fingerprint);
    certificates = Collections2.copyOrNull(certificates);
  }

  /** Starts a credentials record with every field unknown. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this one, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.defaultPassword = defaultPassword;
    builder.sharedPassword = sharedPassword;
    builder.fingerprint = fingerprint;
    builder.authMethod = authMethod;
    builder.certificate = certificate;
    builder.certificates = certificates;
    return builder;
  }

  /** Builds a {@link Credentials}; fields not set stay unknown. */
  public static final class Builder {
    private @Nullable Boolean defaultPassword;
    private @Nullable Boolean sharedPassword;
    private @Nullable String fingerprint;
    private @Nullable AuthMethod authMethod;
    private @Nullable Certificate certificate;
    private @Nullable List<Certificate> certificates;

    private Builder() {}

    public Builder defaultPassword(@Nullable Boolean defaultPassword) {
      this.defaultPassword = defaultPassword;
      return this;
    }

    public Builder sharedPassword(@Nullable Boolean sharedPassword) {
      this.sharedPassword = sharedPassword;
      return this;
    }

    public Builder fingerprint(@Nullable String fingerprint) {
      this.fingerprint = fingerprint;
      return this;
    }

    public Builder authMethod(@Nullable AuthMethod authMethod) {
      this.authMethod = authMethod;
      return this;
    }

    public Builder certificate(@Nullable Certificate certificate) {
      this.certificate = certificate;
      return this;
    }

    public Builder certificates(@Nullable List<Certificate> certificates) {
      this.certificates = certificates;
      return this;
    }

    public Credentials build() {
      return new Credentials(defaultPassword, sharedPassword, fingerprint, authMethod, certificate, certificates);
    }
  }
}
