package dev.rampart.spi.fact;

import dev.rampart.spi.value.Canonical;
import dev.rampart.spi.value.Vocabulary;
import java.util.List;
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
 */
public record Service(
    @Nullable String name,
    @Nullable Integer port,
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
    @Nullable String productVersion) {

  public Service {
    tlsVersions = Collections2.copyOrNull(tlsVersions);
  }
}
