package dev.rampart.adapter.nmap;

import dev.rampart.adapter.nmap.ScriptOutput.Entry;
import dev.rampart.adapter.nmap.ScriptOutput.Table;
import dev.rampart.adapter.certificates.CertificateAnalyzer;
import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.spi.fact.Certificate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The certificate {@code ssl-cert} saw on a port.
 *
 * <p>When nmap wrote the certificate itself (the {@code pem} element, or PEM text in the output at
 * higher verbosity) it is analysed in full by {@link CertificateAnalyzer}. Otherwise the fields nmap
 * printed are taken as they are: subject, issuer, key type and size, signature algorithm, validity
 * and alternative names; what only the certificate could prove (self-signed, CA flag, fingerprint,
 * serial) stays unknown.
 */
final class CertificateScript {

  static final String SCRIPT = "ssl-cert";

  private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String PEM_END = "-----END CERTIFICATE-----";
  // OpenSSL's long attribute names, as nmap prints them, to the short names of RFC 4514.
  private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
      Map.entry("commonName", "CN"), Map.entry("organizationName", "O"), Map.entry("organizationalUnitName", "OU"),
      Map.entry("countryName", "C"), Map.entry("stateOrProvinceName", "ST"), Map.entry("localityName", "L"),
      Map.entry("streetAddress", "STREET"), Map.entry("domainComponent", "DC"), Map.entry("emailAddress", "E"),
      Map.entry("serialNumber", "SERIALNUMBER"), Map.entry("userId", "UID"));
  private static final Map<String, String> KEY_TYPES = Map.of(
      "rsa", "RSA", "ec", "EC", "dsa", "DSA", "dh", "DH", "ed25519", "Ed25519", "ed448", "Ed448");
  private static final Pattern RSA_SIGNATURE = Pattern.compile("(?i)(md2|md4|md5|sha\\d*)WithRSAEncryption");
  private static final Pattern ECDSA_SIGNATURE = Pattern.compile("(?i)ecdsa-with-(sha\\d*)");
  private static final Pattern DSA_SIGNATURE = Pattern.compile("(?i)dsa_?with_?(sha\\d*)");
  private static final Pattern TEXT_LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 -]*?):\\s*(.*?)\\s*$");
  private static final Pattern SAN = Pattern.compile("(?:DNS|IP Address|URI):([^,]+)");

  private CertificateScript() {}

  /** The certificate, or {@code null} when the script output holds none. */
  static @Nullable Certificate of(ScriptOutput script) {
    String pem = script.structured().text("pem");
    if (pem == null) {
      pem = pemInText(script.output());
    }
    if (pem != null) {
      try {
        return CertificateAnalyzer.analyze(pem.getBytes(StandardCharsets.US_ASCII));
      } catch (CertificateParseException e) {
        // A damaged PEM still leaves the fields nmap printed, which say less but are not wrong.
      }
    }
    return script.structured().isEmpty() ? fromText(script.output()) : fromTables(script.structured());
  }

  private static @Nullable String pemInText(String output) {
    int begin = output.indexOf(PEM_BEGIN);
    int end = output.indexOf(PEM_END, Math.max(begin, 0));
    return begin < 0 || end < 0 ? null : output.substring(begin, end + PEM_END.length());
  }

  private static @Nullable Certificate fromTables(Table root) {
    Table pubkey = root.table("pubkey");
    Table validity = root.table("validity");
    String subject = name(root.table("subject"));
    if (subject == null && pubkey.isEmpty()) {
      return null;
    }
    return certificate(subject, name(root.table("issuer")), pubkey.text("type"), pubkey.text("bits"),
        root.text("sig_algo"), validity.text("notBefore"), validity.text("notAfter"), altNamesFromExtensions(root));
  }

  private static @Nullable Certificate fromText(String output) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : output.split("\\R")) {
      Matcher field = TEXT_LINE.matcher(line);
      if (field.matches()) {
        fields.putIfAbsent(field.group(1), field.group(2));
      }
    }
    if (!fields.containsKey("Subject") && !fields.containsKey("Public Key type")) {
      return null;
    }
    return certificate(nameFromText(fields.get("Subject")), nameFromText(fields.get("Issuer")),
        fields.get("Public Key type"), fields.get("Public Key bits"), fields.get("Signature Algorithm"),
        fields.get("Not valid before"), fields.get("Not valid after"), altNames(fields.get("Subject Alternative Name")));
  }

  private static Certificate certificate(@Nullable String subject, @Nullable String issuer, @Nullable String keyType,
      @Nullable String keyBits, @Nullable String signature, @Nullable String notBefore, @Nullable String notAfter,
      @Nullable List<String> altNames) {
    return Certificate.builder()
        .subject(subject)
        .issuer(issuer)
        .keyAlgorithm(keyType(keyType))
        .keySize(number(keyBits))
        .signatureAlgorithm(signatureAlgorithm(signature))
        .notBefore(instant(notBefore))
        .notAfter(instant(notAfter))
        .subjectAltNames(altNames)
        .build();
  }

  /** {@code CN=...,O=...} in nmap's order of the attributes (nmap does not keep the certificate's order). */
  private static @Nullable String name(Table table) {
    List<String> parts = new ArrayList<>();
    for (Entry entry : table.entries()) {
      if (entry.key() != null && entry.text() != null) {
        parts.add(attribute(entry.key(), entry.text()));
      }
    }
    return parts.isEmpty() ? null : String.join(",", parts);
  }

  /** {@code commonName=cam/organizationName=Acme} as {@code CN=cam,O=Acme}. */
  private static @Nullable String nameFromText(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String part : text.split("/")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        parts.add(attribute(part.substring(0, equals), part.substring(equals + 1)));
      }
    }
    return parts.isEmpty() ? null : String.join(",", parts);
  }

  private static String attribute(String longName, String value) {
    String escaped = value.replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+").replace("=", "\\=");
    return ATTRIBUTES.getOrDefault(longName, longName) + "=" + escaped;
  }

  private static @Nullable List<String> altNamesFromExtensions(Table root) {
    for (Entry extension : root.table("extensions").entries()) {
      if (extension.table() != null && "X509v3 Subject Alternative Name".equals(extension.table().text("name"))) {
        return altNames(extension.table().text("value"));
      }
    }
    return null;
  }

  private static @Nullable List<String> altNames(@Nullable String text) {
    if (text == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Matcher name = SAN.matcher(text);
    while (name.find()) {
      names.add(name.group(1).trim());
    }
    return names;
  }

  private static @Nullable String keyType(@Nullable String type) {
    return type == null ? null : KEY_TYPES.getOrDefault(type.toLowerCase(Locale.ROOT), type);
  }

  /** OpenSSL's signature names as the JDK writes them: {@code sha1WithRSAEncryption} as {@code SHA1withRSA}. */
  static @Nullable String signatureAlgorithm(@Nullable String openSslName) {
    if (openSslName == null) {
      return null;
    }
    Matcher rsa = RSA_SIGNATURE.matcher(openSslName);
    if (rsa.matches()) {
      return rsa.group(1).toUpperCase(Locale.ROOT) + "withRSA";
    }
    Matcher ecdsa = ECDSA_SIGNATURE.matcher(openSslName);
    if (ecdsa.matches()) {
      return ecdsa.group(1).toUpperCase(Locale.ROOT) + "withECDSA";
    }
    Matcher dsa = DSA_SIGNATURE.matcher(openSslName);
    if (dsa.matches()) {
      return dsa.group(1).toUpperCase(Locale.ROOT) + "withDSA";
    }
    return switch (openSslName.toLowerCase(Locale.ROOT)) {
      case "ed25519" -> "Ed25519";
      case "ed448" -> "Ed448";
      case "rsassapss" -> "RSASSA-PSS";
      default -> openSslName;
    };
  }

  private static @Nullable Integer number(@Nullable String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * nmap's timestamps: {@code 2026-11-25T15:59:33} (UTC, as certificates keep time), the older
   * {@code 2026-11-25 15:59:33}, or either with an offset; {@code null} for nmap's
   * "Can't parse" notes on malformed certificate dates.
   */
  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String iso = text.trim().replace(' ', 'T');
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException local) {
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException offset) {
        return null;
      }
    }
  }
}
