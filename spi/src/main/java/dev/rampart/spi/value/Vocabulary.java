package dev.rampart.spi.value;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The closed vocabularies of the fact model, each with its canonical values and the spellings real
 * tools use for them (nmap, OpenSSL, Java, cloud consoles, CMDBs).
 *
 * <p>{@link #canonical} maps a known spelling to its canonical value; a spelling nobody here knows is
 * kept as written (stripped), never dropped and never guessed at, so that the engine can report it
 * ({@link #isKnown} is false for it) instead of silently matching nothing.
 */
@API(status = INTERNAL, since = "0.1")
public enum Vocabulary {

  /** Application protocols of services, lower case: {@code telnet}, {@code mqtts}, {@code https}. */
  PROTOCOL("protocol") {
    @Override
    @Nullable String lookUp(String key) {
      String name = key.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
      String known = Protocols.ALIASES.get(name);
      if (known != null) {
        return known;
      }
      // nmap marks a service it reached through TLS as ssl/NAME (tls/NAME in some tools)
      for (String prefix : List.of("ssl/", "tls/")) {
        if (name.startsWith(prefix)) {
          String inner = Protocols.ALIASES.get(name.substring(prefix.length()));
          if (inner != null) {
            return Protocols.SECURE.getOrDefault(inner, inner);
          }
        }
      }
      return null;
    }

    @Override
    public List<String> canonicalValues() {
      return Protocols.CANONICAL;
    }
  },

  /**
   * TLS and DTLS protocol versions: {@code ssl2}, {@code ssl3}, {@code 1.0} .. {@code 1.3} for TLS, and
   * {@code dtls1.0}, {@code dtls1.2}, {@code dtls1.3}.
   */
  TLS_VERSION("TLS version") {
    private final Pattern spelling = Pattern.compile("(ssl|tls|dtls)?v?(\\d)(?:\\.(\\d))?");

    @Override
    @Nullable String lookUp(String key) {
      String name = key.toLowerCase(Locale.ROOT).replace(" ", "").replace('_', '.').replace('-', '.');
      if (name.startsWith("ssl.") || name.startsWith("tls.")) {
        name = name.substring(0, 3) + name.substring(4);
      }
      Matcher m = spelling.matcher(name);
      if (!m.matches()) {
        return null;
      }
      String family = m.group(1) == null ? "tls" : m.group(1);
      int major = m.group(2).charAt(0) - '0';
      int minor = m.group(3) == null ? 0 : m.group(3).charAt(0) - '0';
      String canonical = switch (family) {
        case "ssl" -> minor == 0 && (major == 2 || major == 3) ? "ssl" + major : null;
        case "tls" -> major == 1 && minor <= 3 ? "1." + minor : null;
        default -> major == 1 && (minor == 0 || minor == 2 || minor == 3) ? "dtls1." + minor : null;
      };
      // "3.0" with no family is SSL 3.0's version number, not a TLS version
      if (m.group(1) == null && major == 3 && minor == 0) {
        return "ssl3";
      }
      return canonical;
    }

    @Override
    public List<String> canonicalValues() {
      return List.of("ssl2", "ssl3", "1.0", "1.1", "1.2", "1.3", "dtls1.0", "dtls1.2", "dtls1.3");
    }
  },

  /** Public key algorithms of certificates: {@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519}, {@code Ed448}. */
  KEY_ALGORITHM("key algorithm") {
    private final Map<String, String> aliases = Map.ofEntries(
        Map.entry("rsa", "RSA"), Map.entry("rsaencryption", "RSA"), Map.entry("rsassapss", "RSA"),
        Map.entry("rsapss", "RSA"), Map.entry("ec", "EC"), Map.entry("ecdsa", "EC"), Map.entry("idecpublickey", "EC"),
        Map.entry("ecpublickey", "EC"), Map.entry("elliptic", "EC"), Map.entry("dsa", "DSA"),
        Map.entry("dsaencryption", "DSA"), Map.entry("iddsa", "DSA"), Map.entry("ed25519", "Ed25519"),
        Map.entry("ided25519", "Ed25519"), Map.entry("ed448", "Ed448"), Map.entry("ided448", "Ed448"));

    @Override
    @Nullable String lookUp(String key) {
      return aliases.get(squeeze(key));
    }

    @Override
    public List<String> canonicalValues() {
      return List.of("RSA", "EC", "DSA", "Ed25519", "Ed448");
    }
  },

  /**
   * Certificate signature algorithms in Java's names: {@code SHA256withRSA}, {@code SHA1withECDSA},
   * {@code MD5withRSA}, {@code RSASSA-PSS}, {@code Ed25519}; OpenSSL's ({@code sha1WithRSAEncryption},
   * {@code ecdsa-with-SHA256}) and others' ({@code SHA-1withDSA}, {@code RSA-SHA256}) spellings map to them.
   */
  SIGNATURE_ALGORITHM("signature algorithm") {
    private final List<String> digests = List.of("md2", "md4", "md5", "sha1", "sha224", "sha256", "sha384", "sha512");

    @Override
    @Nullable String lookUp(String key) {
      String name = squeeze(key);
      if (name.equals("ed25519") || name.equals("ided25519")) {
        return "Ed25519";
      }
      if (name.equals("ed448") || name.equals("ided448")) {
        return "Ed448";
      }
      if (name.startsWith("rsassapss") || name.startsWith("rsapss") || name.contains("withrsaandmgf1")) {
        return "RSASSA-PSS";
      }
      String digest = null;
      for (String candidate : digests) {
        if (standsAlone(name, candidate)) {
          digest = candidate;
        }
      }
      String signer = name.contains("ecdsa") ? "ECDSA" : name.contains("dsa") ? "DSA" : name.contains("rsa") ? "RSA" : null;
      if (digest == null || signer == null) {
        return null;
      }
      String rest = name.replace(digest, "").replace("with", "").replace("encryption", "")
          .replace(signer.toLowerCase(Locale.ROOT), "");
      return rest.isEmpty() ? digest.toUpperCase(Locale.ROOT) + "with" + signer : null;
    }

    @Override
    public List<String> canonicalValues() {
      return List.of(
          "MD2withRSA", "MD5withRSA", "SHA1withRSA", "SHA224withRSA", "SHA256withRSA", "SHA384withRSA",
          "SHA512withRSA", "RSASSA-PSS", "SHA1withDSA", "SHA224withDSA", "SHA256withDSA", "SHA1withECDSA",
          "SHA224withECDSA", "SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA", "Ed25519", "Ed448");
    }
  },

  /**
   * How callers of a service authenticate: {@code mutual-tls}, {@code oauth2}, {@code openid-connect},
   * {@code bearer}, {@code jwt}, {@code sigv4}, {@code negotiate} against {@code basic}, {@code digest},
   * {@code ntlm}, {@code api-key}, {@code password} and {@code none}. OpenAPI's security scheme types
   * ({@code mutualTLS}, {@code apiKey}, {@code openIdConnect}), the HTTP schemes of WWW-Authenticate
   * challenges as nmap's http-auth reports them ({@code Basic realm=...}, {@code NTLM},
   * {@code AWS4-HMAC-SHA256}) and the usual product words map to them.
   */
  AUTH_SCHEME("authentication scheme") {
    private final Map<String, String> aliases = aliases(new String[][] {
        {"mutual-tls", "mutualtls", "mtls", "tlsclientauth", "clientcertificate", "clientcert", "x509", "certificate"},
        {"oauth2", "oauth", "oauth20", "oauth2bearer"},
        {"openid-connect", "openidconnect", "oidc"},
        {"bearer", "bearertoken"},
        {"jwt", "jsonwebtoken", "signedtoken", "jws"},
        {"sigv4", "awssigv4", "aws4hmacsha256", "awssignaturev4", "awssignatureversion4"},
        {"negotiate", "kerberos", "spnego"},
        {"basic", "httpbasic", "basicauth"},
        {"digest", "httpdigest", "digestauth"},
        {"ntlm", "httpntlm"},
        {"api-key", "apikey", "xapikey", "staticapikey"},
        {"password", "usernamepassword", "userpass", "passwd"},
        {"none", "noauth", "anonymous", "unauthenticated"},
    });

    @Override
    @Nullable String lookUp(String key) {
      String whole = aliases.get(squeeze(key));
      if (whole != null) {
        return whole;
      }
      // a WWW-Authenticate challenge names its scheme first: "Basic realm=WebAdmin", "Digest realm=..."
      return aliases.get(squeeze(key.strip().split("[\\s,]", 2)[0]));
    }

    @Override
    public List<String> canonicalValues() {
      return List.of("mutual-tls", "oauth2", "openid-connect", "bearer", "jwt", "sigv4", "negotiate", "basic",
          "digest", "ntlm", "api-key", "password", "none");
    }
  };

  /** Spellings seen so far and their canonical forms: facts repeat a handful of spellings millions of times. */
  private static final int MEMO_LIMIT = 4096;

  private final String noun;
  private final Map<String, String> memo = new ConcurrentHashMap<>();

  Vocabulary(String noun) {
    this.noun = noun;
  }

  /** What a value of this vocabulary is called in messages, e.g. "TLS version". */
  public String noun() {
    return noun;
  }

  /** The canonical values, in a stable order for messages. */
  public abstract List<String> canonicalValues();

  /**
   * The canonical form of a spelling; a spelling this vocabulary does not know is kept as written
   * (stripped). Blank or {@code null} text is absent: {@code null}.
   */
  public @Nullable String canonical(@Nullable String spelling) {
    String text = Text.orNull(spelling);
    if (text == null) {
      return null;
    }
    String seen = memo.get(text);
    if (seen != null) {
      return seen;
    }
    // a known value is handed out as the vocabulary's own instance: its hash is computed already,
    // and a million devices in service hold one "active" between them
    List<String> values = canonicalValues();
    int index = values.indexOf(text);
    String known = index >= 0 ? values.get(index) : lookUp(text);
    String canonical = known == null ? text : known;
    if (memo.size() < MEMO_LIMIT) {
      memo.put(text, canonical);
    }
    return canonical;
  }

  /** Each element brought to its canonical form; blank elements are dropped; {@code null} stays {@code null}. */
  public @Nullable List<String> canonical(@Nullable List<String> spellings) {
    if (spellings == null) {
      return null;
    }
    return spellings.stream().map(s -> canonical(s)).filter(s -> s != null).map(s -> (String) s).toList();
  }

  /** Whether the value is one of this vocabulary's canonical values. */
  public boolean isKnown(@Nullable String value) {
    return value != null && canonicalValues().contains(value);
  }

  /** The canonical value of a spelling this vocabulary knows, or {@code null}. */
  abstract @Nullable String lookUp(String spelling);

  /** Whether {@code part} occurs in {@code name} between letters or the ends, not as part of a longer number. */
  private static boolean standsAlone(String name, String part) {
    for (int at = name.indexOf(part); at >= 0; at = name.indexOf(part, at + 1)) {
      int end = at + part.length();
      boolean before = at == 0 || Character.isLetter(name.charAt(at - 1));
      boolean after = end == name.length() || Character.isLetter(name.charAt(end));
      if (before && after) {
        return true;
      }
    }
    return false;
  }

  /** Each row's spellings, squeezed, mapped to the row's first entry, the canonical value. */
  private static Map<String, String> aliases(String[][] rows) {
    Map<String, String> aliases = new LinkedHashMap<>();
    for (String[] row : rows) {
      for (String spelling : row) {
        aliases.put(squeeze(spelling), row[0]);
      }
    }
    return Map.copyOf(aliases);
  }

  private static String squeeze(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The protocol table: canonical names, the other names tools give them, and their TLS forms. */
  private static final class Protocols {

    static final List<String> CANONICAL;
    static final Map<String, String> ALIASES;
    static final Map<String, String> SECURE = Map.ofEntries(
        Map.entry("http", "https"), Map.entry("mqtt", "mqtts"), Map.entry("ftp", "ftps"), Map.entry("coap", "coaps"),
        Map.entry("ldap", "ldaps"), Map.entry("imap", "imaps"), Map.entry("pop3", "pop3s"), Map.entry("smtp", "smtps"),
        Map.entry("sip", "sips"), Map.entry("amqp", "amqps"), Map.entry("ws", "wss"), Map.entry("telnet", "telnets"),
        Map.entry("rtsp", "rtsps"), Map.entry("xmpp", "xmpps"), Map.entry("syslog", "syslog-tls"));

    static {
      // canonical name, then the other spellings (nmap service names, IANA names, product words)
      String[][] table = {
          {"http", "www", "www-http", "http-alt", "http-proxy", "http-mgmt", "webcache"},
          {"https", "http-ssl", "https-alt", "ssl/http", "http-s", "www-https"},
          {"mqtt", "mq-telemetry-transport"},
          {"mqtts", "secure-mqtt", "mqtt-ssl", "mqtt-tls", "mqtt-s"},
          {"telnet", "telnetd"},
          {"telnets"},
          {"ssh", "secure-shell", "sshd"},
          {"ftp", "ftp-data"},
          {"ftps", "ftps-data", "ftp-ssl"},
          {"tftp"},
          {"sftp"},
          {"coap"},
          {"coaps", "coap-dtls"},
          {"snmp", "snmptrap", "snmp-trap"},
          {"modbus", "mbap", "modbus-tcp"},
          {"bacnet", "bacnet-ip"},
          {"dnp3", "dnp", "dnp-sec"},
          {"opcua", "opc-ua", "opcua-tcp", "opc-ua-tcp"},
          {"iec104", "iec-104", "iec-60870-5-104"},
          {"s7", "s7comm", "iso-tsap"},
          {"enip", "ethernet/ip", "ethernetip", "ethernetip-2", "ethernet-ip"},
          {"profinet"},
          {"rtsp"},
          {"rtsps"},
          {"sip"},
          {"sips", "sip-tls"},
          {"upnp"},
          {"ssdp"},
          {"mdns", "zeroconf", "multicast-dns"},
          {"llmnr"},
          {"dns", "domain"},
          {"dhcp", "bootps", "bootpc", "dhcps", "dhcpc"},
          {"ntp"},
          {"smb", "microsoft-ds", "cifs"},
          {"netbios", "netbios-ssn", "netbios-ns", "netbios-dgm"},
          {"rdp", "ms-wbt-server", "ms-term-serv"},
          {"vnc", "rfb", "vnc-http"},
          {"x11"},
          {"amqp"},
          {"amqps"},
          {"xmpp", "xmpp-client", "jabber"},
          {"xmpps"},
          {"stomp"},
          {"ws", "websocket"},
          {"wss", "websocket-secure"},
          {"lwm2m"},
          {"cwmp", "tr-069", "tr069"},
          {"syslog"},
          {"syslog-tls"},
          {"ldap"},
          {"ldaps"},
          {"smtp", "submission"},
          {"smtps", "submissions"},
          {"imap", "imap4"},
          {"imaps"},
          {"pop3"},
          {"pop3s"},
          {"rlogin", "login"},
          {"rsh", "shell"},
          {"rexec", "exec"},
          {"nfs", "nfsd"},
          {"rpcbind", "sunrpc"},
          {"ipp"},
          {"lpd", "printer"},
          {"jetdirect", "pdl-datastream"},
          {"redis"},
          {"mysql"},
          {"postgresql", "postgres"},
          {"mongodb"},
          {"kafka"},
          {"onvif"},
          {"radius"},
          {"kerberos", "kerberos-sec"},
          {"ike", "isakmp"},
          {"openvpn"},
          {"wireguard"},
      };
      List<String> canonical = new java.util.ArrayList<>();
      Map<String, String> aliases = new LinkedHashMap<>();
      for (String[] row : table) {
        canonical.add(row[0]);
        for (String name : row) {
          aliases.put(name, row[0]);
        }
      }
      CANONICAL = List.copyOf(canonical);
      ALIASES = Map.copyOf(aliases);
    }

    private Protocols() {}
  }
}
