package dev.rampart.adapter.nmap;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What nmap's service names say about the application protocol, and what they do not. */
final class ServiceNames {

  /** nmap's name for a service it could not identify. */
  static final String UNKNOWN = "unknown";

  // nmap's names (nmap-services, nmap-service-probes) of the protocols the fact model knows.
  private static final Map<String, String> PROTOCOLS = Map.ofEntries(
      Map.entry("http", "http"), Map.entry("http-alt", "http"), Map.entry("http-proxy", "http"),
      Map.entry("https", "https"), Map.entry("https-alt", "https"),
      Map.entry("telnet", "telnet"), Map.entry("telnets", "telnets"),
      Map.entry("ftp", "ftp"), Map.entry("ftps", "ftps"),
      Map.entry("ssh", "ssh"), Map.entry("snmp", "snmp"), Map.entry("coap", "coap"),
      Map.entry("mqtt", "mqtt"), Map.entry("secure-mqtt", "mqtts"));
  // The same protocol inside nmap's "ssl" tunnel.
  private static final Map<String, String> OVER_TLS = Map.of(
      "http", "https", "telnet", "telnets", "ftp", "ftps", "mqtt", "mqtts");
  // Names that describe how the port answered, not what runs on it.
  private static final Set<String> NOT_A_PROTOCOL = Set.of(UNKNOWN, "ssl", "tls", "tcpwrapped");
  private static final Set<String> PLAINTEXT = Set.of("telnet", "ftp", "http");
  private static final int MQTT_PLAINTEXT_PORT = 1883;
  private static final Set<String> REMOTE_SHELLS = Set.of("telnet", "telnets", "ssh");

  private ServiceNames() {}

  /**
   * The lower-case application protocol: {@code http} in an ssl tunnel is {@code https}; other names
   * are kept as nmap wrote them; {@code null} when nmap could not tell.
   */
  static @Nullable String protocol(@Nullable String name, boolean sslTunnel) {
    if (name == null) {
      return null;
    }
    String normal = name.toLowerCase(Locale.ROOT);
    if (NOT_A_PROTOCOL.contains(normal)) {
      return null;
    }
    String protocol = PROTOCOLS.getOrDefault(normal, normal);
    return sslTunnel ? OVER_TLS.getOrDefault(protocol, protocol) : protocol;
  }

  /** Whether nmap recognised TLS itself without naming what runs inside it. */
  static boolean isTls(@Nullable String name) {
    return name != null && (name.equalsIgnoreCase("ssl") || name.equalsIgnoreCase("tls"));
  }

  /** Protocols that carry no TLS of their own, so a port that showed no TLS is plaintext. */
  static boolean isPlaintext(@Nullable String protocol, int port) {
    return protocol != null && (PLAINTEXT.contains(protocol) || protocol.equals("mqtt") && port == MQTT_PLAINTEXT_PORT);
  }

  /** Remote shells are management interfaces by nature; nothing else is claimed from a name alone. */
  static boolean isManagement(@Nullable String protocol) {
    return protocol != null && REMOTE_SHELLS.contains(protocol);
  }
}
