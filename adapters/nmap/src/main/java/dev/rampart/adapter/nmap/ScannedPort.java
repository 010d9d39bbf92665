package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.fact.Transport;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One {@code <port>} of a host as it is read, turned into a {@link Service} once complete. */
final class ScannedPort {

  final int port;
  final @Nullable Transport transport;
  @Nullable String state;
  @Nullable String name;
  @Nullable String product;
  @Nullable String version;
  @Nullable String tunnel;
  @Nullable String method;
  @Nullable CipherScan ciphers;
  @Nullable Certificate certificate;
  @Nullable List<String> authSchemes;

  ScannedPort(int port, @Nullable Transport transport) {
    this.port = port;
    this.transport = transport;
  }

  Service toService(@Nullable Exposure scannedFrom) {
    ServiceState serviceState = serviceState(state);
    boolean open = serviceState == ServiceState.OPEN;
    String protocol = ServiceNames.protocol(name, isSslTunnel());
    return Service.builder()
        .name(name == null || name.equals(ServiceNames.UNKNOWN) ? null : name)
        .port(port)
        .transport(transport)
        .protocol(protocol)
        .state(serviceState)
        .exposure(open ? scannedFrom : null)
        .tls(open ? tls(protocol) : null)
        .tlsVersions(ciphers == null || ciphers.tlsVersions().isEmpty() ? null : ciphers.tlsVersions())
        .weakCiphers(ciphers == null ? null : ciphers.weakCiphers())
        .management(open && ServiceNames.isManagement(protocol) ? Boolean.TRUE : null)
        .product(product)
        .productVersion(version)
        .authSchemes(authSchemes)
        .build();
  }

  /** TLS when nmap saw it; plaintext only for protocols that have no TLS of their own; else unknown. */
  private @Nullable Boolean tls(@Nullable String protocol) {
    boolean probedTls = "probed".equals(method) && ServiceNames.isTls(name);
    boolean scriptsSawTls = certificate != null || ciphers != null && !ciphers.tlsVersions().isEmpty();
    if (isSslTunnel() || probedTls || scriptsSawTls) {
      return true;
    }
    return ServiceNames.isPlaintext(protocol, port) ? false : null;
  }

  private boolean isSslTunnel() {
    return "ssl".equals(tunnel);
  }

  /** {@code open|filtered} and {@code closed|filtered} are filtered; {@code unfiltered} says neither open nor closed. */
  private static @Nullable ServiceState serviceState(@Nullable String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "open" -> ServiceState.OPEN;
      case "closed" -> ServiceState.CLOSED;
      case "filtered", "open|filtered", "closed|filtered" -> ServiceState.FILTERED;
      default -> null;
    };
  }
}
