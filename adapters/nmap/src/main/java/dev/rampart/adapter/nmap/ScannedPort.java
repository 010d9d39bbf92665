package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.fact.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One {@code <port>} of a host as it is read, turned into a {@link Service} once complete. */
final class ScannedPort {

  /** The protocols whose ports are services; nmap's {@code ip} (-sO) and masscan's {@code icmp} are read apart. */
  static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
  /** The port states nmap writes (its DTD leaves them open); masscan writes {@code open} and {@code closed}. */
  static final Set<String> STATES = Set.of("open", "closed", "filtered", "unfiltered", "open|filtered",
      "closed|filtered");
  static final String STATES_FIX = "nmap writes open, closed, filtered, unfiltered, open|filtered or closed|filtered";

  private static final String SSL2 = "ssl2";

  final int port;
  final @Nullable Transport transport;
  @Nullable String state;
  @Nullable String name;
  @Nullable String product;
  @Nullable String version;
  @Nullable String tunnel;
  @Nullable String method;
  @Nullable CipherScan ciphers;
  @Nullable SslV2Script sslV2;
  @Nullable KnownKeyScript knownKey;
  @Nullable Certificate certificate;
  @Nullable List<String> authSchemes;
  /** masscan grabbed a TLS handshake or certificate on the port. */
  boolean tlsBanner;

  ScannedPort(int port, @Nullable Transport transport) {
    this.port = port;
    this.transport = transport;
  }

  /** {@code tcp} or {@code udp}; other protocols ({@code sctp}) leave the transport unknown. */
  static @Nullable Transport transport(@Nullable String protocol) {
    if ("tcp".equals(protocol)) {
      return Transport.TCP;
    }
    return "udp".equals(protocol) ? Transport.UDP : null;
  }

  /** masscan's banner of a TLS handshake ({@code ssl}) or of the certificate it sent ({@code X509}). */
  static boolean isTlsBanner(@Nullable String banner) {
    return "ssl".equals(banner) || "X509".equals(banner);
  }

  /** Adds what masscan said about the same port in another {@code <host>}: a banner after the open state. */
  void absorb(ScannedPort other) {
    state = state != null ? state : other.state;
    tlsBanner |= other.tlsBanner;
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
        .tlsVersions(tlsVersions())
        .weakCiphers(weakCiphers())
        .management(open && ServiceNames.isManagement(protocol) ? Boolean.TRUE : null)
        .product(product)
        .productVersion(version)
        .authSchemes(authSchemes)
        .build();
  }

  /** SSL 2.0 when {@code sslv2} found it, then what {@code ssl-enum-ciphers} found (it never tries SSL 2.0). */
  private @Nullable List<String> tlsVersions() {
    List<String> versions = new ArrayList<>();
    if (sslV2 != null && sslV2.supported()) {
      versions.add(SSL2);
    }
    if (ciphers != null) {
      versions.addAll(ciphers.tlsVersions());
    }
    return versions.isEmpty() ? null : versions;
  }

  /** Weak when either script found a weak suite; else what {@code ssl-enum-ciphers} graded. */
  private @Nullable Boolean weakCiphers() {
    Boolean sslV2Weak = sslV2 == null ? null : sslV2.weakCiphers();
    Boolean graded = ciphers == null ? null : ciphers.weakCiphers();
    return Boolean.TRUE.equals(sslV2Weak) ? Boolean.TRUE : graded;
  }

  /** TLS when nmap saw it; plaintext only for protocols that have no TLS of their own; else unknown. */
  private @Nullable Boolean tls(@Nullable String protocol) {
    boolean probedTls = "probed".equals(method) && ServiceNames.isTls(name);
    boolean scriptsSawTls = certificate != null || ciphers != null && !ciphers.tlsVersions().isEmpty() || tlsBanner
        || sslV2 != null && sslV2.supported();
    if (isSslTunnel() || probedTls || scriptsSawTls) {
      return true;
    }
    return ServiceNames.isPlaintext(protocol, port) ? false : null;
  }

  private boolean isSslTunnel() {
    return "ssl".equals(tunnel);
  }

  /**
   * {@code closed|filtered} is filtered: not open either way. {@code open|filtered} (a UDP or FIN scan got no
   * answer) may well be open, so it is unknown, as is {@code unfiltered}, never a state a rule takes for closed.
   */
  private static @Nullable ServiceState serviceState(@Nullable String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "open" -> ServiceState.OPEN;
      case "closed" -> ServiceState.CLOSED;
      case "filtered", "closed|filtered" -> ServiceState.FILTERED;
      // open|filtered and unfiltered; a state outside STATES never gets here, its host is skipped
      default -> null;
    };
  }
}
