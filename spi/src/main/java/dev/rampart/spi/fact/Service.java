package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Canonical;
import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import dev.rampart.spi.value.Vocabulary;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A network service a device exposes.
 *
 * @param name service name, e.g. telnet or https; {@code null} when unknown
 * @param port port number; {@code null} when unknown
 * @param transport tcp or udp; {@code null} when unknown
 * @param protocol application protocol, lower case: http, https, mqtt, mqtts, telnet, ssh, ftp, coap; {@code null} when unknown
 * @param state open, closed or filtered; {@code null} when unknown
 * @param exposure internal or internet; {@code null} when unknown
 * @param tls traffic is protected by TLS or DTLS; {@code null} when unknown
 * @param tlsVersions protocol versions offered: ssl3, 1.0, 1.1, 1.2, 1.3; {@code null} when unknown
 * @param weakCiphers weak cipher suites are offered; {@code null} when unknown
 * @param authRequired callers must authenticate; {@code null} when unknown
 * @param rateLimited requests are rate limited; {@code null} when unknown
 * @param inputValidation input is validated; {@code null} when unknown
 * @param management the service is a management interface; {@code null} when unknown
 * @param product product name reported by the service; {@code null} when unknown
 * @param productVersion product version reported by the service; {@code null} when unknown
 * @param authSchemes how callers may authenticate, every scheme the service accepts: mutual-tls, oauth2,
 *     openid-connect, bearer, jwt, sigv4, negotiate, basic, digest, ntlm, api-key, password, none;
 *     {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Service(
    @Nullable String name,
    @Format(ValueFormat.PORT) @Nullable Integer port,
    @Nullable Transport transport,
    @Canonical(Vocabulary.PROTOCOL) @Nullable String protocol,
    @Nullable ServiceState state,
    @Nullable Exposure exposure,
    @Nullable Boolean tls,
    @Canonical(Vocabulary.TLS_VERSION) @Nullable List<String> tlsVersions,
    @Nullable Boolean weakCiphers,
    @Nullable Boolean authRequired,
    @Nullable Boolean rateLimited,
    @Nullable Boolean inputValidation,
    @Nullable Boolean management,
    @Nullable String product,
    @Nullable String productVersion,
    @Canonical(Vocabulary.AUTH_SCHEME) @Nullable List<String> authSchemes) {

  public Service {
    name = FieldValues.text(name);
    port = FieldValues.number("port", port, ValueFormat.PORT);
    protocol = FieldValues.canonical(Vocabulary.PROTOCOL, protocol);
    tlsVersions = FieldValues.canonical(Vocabulary.TLS_VERSION, tlsVersions);
    product = FieldValues.text(product);
    productVersion = FieldValues.text(productVersion);
    authSchemes = FieldValues.canonical(Vocabulary.AUTH_SCHEME, authSchemes);
  }

  /** Starts a service with every field unknown. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this one, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.name = name;
    builder.port = port;
    builder.transport = transport;
    builder.protocol = protocol;
    builder.state = state;
    builder.exposure = exposure;
    builder.tls = tls;
    builder.tlsVersions = tlsVersions;
    builder.weakCiphers = weakCiphers;
    builder.authRequired = authRequired;
    builder.rateLimited = rateLimited;
    builder.inputValidation = inputValidation;
    builder.management = management;
    builder.product = product;
    builder.productVersion = productVersion;
    builder.authSchemes = authSchemes;
    return builder;
  }

  /** Builds a {@link Service}; fields not set stay unknown. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable Integer port;
    private @Nullable Transport transport;
    private @Nullable String protocol;
    private @Nullable ServiceState state;
    private @Nullable Exposure exposure;
    private @Nullable Boolean tls;
    private @Nullable List<String> tlsVersions;
    private @Nullable Boolean weakCiphers;
    private @Nullable Boolean authRequired;
    private @Nullable Boolean rateLimited;
    private @Nullable Boolean inputValidation;
    private @Nullable Boolean management;
    private @Nullable String product;
    private @Nullable String productVersion;
    private @Nullable List<String> authSchemes;

    private Builder() {}

    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    public Builder port(@Nullable Integer port) {
      this.port = port;
      return this;
    }

    public Builder transport(@Nullable Transport transport) {
      this.transport = transport;
      return this;
    }

    public Builder protocol(@Nullable String protocol) {
      this.protocol = protocol;
      return this;
    }

    public Builder state(@Nullable ServiceState state) {
      this.state = state;
      return this;
    }

    public Builder exposure(@Nullable Exposure exposure) {
      this.exposure = exposure;
      return this;
    }

    public Builder tls(@Nullable Boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder tlsVersions(@Nullable List<String> tlsVersions) {
      this.tlsVersions = tlsVersions;
      return this;
    }

    public Builder weakCiphers(@Nullable Boolean weakCiphers) {
      this.weakCiphers = weakCiphers;
      return this;
    }

    public Builder authRequired(@Nullable Boolean authRequired) {
      this.authRequired = authRequired;
      return this;
    }

    public Builder rateLimited(@Nullable Boolean rateLimited) {
      this.rateLimited = rateLimited;
      return this;
    }

    public Builder inputValidation(@Nullable Boolean inputValidation) {
      this.inputValidation = inputValidation;
      return this;
    }

    public Builder management(@Nullable Boolean management) {
      this.management = management;
      return this;
    }

    public Builder product(@Nullable String product) {
      this.product = product;
      return this;
    }

    public Builder productVersion(@Nullable String productVersion) {
      this.productVersion = productVersion;
      return this;
    }

    public Builder authSchemes(@Nullable List<String> authSchemes) {
      this.authSchemes = authSchemes;
      return this;
    }

    public Service build() {
      return new Service(name, port, transport, protocol, state, exposure, tls, tlsVersions, weakCiphers, authRequired, rateLimited, inputValidation, management, product, productVersion, authSchemes);
    }
  }
}
