package dev.rampart.adapter.azureiothub;

import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.source.SourceProblems;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps one exported entry to a device. An entry is either a twin ({@code az iot hub device-identity
 * list}, {@code device-twin list}, {@code query}) or a device identity ({@code device-identity
 * show}); both name the same facts in slightly different places, and both are read.
 */
final class TwinMapping {

  private static final Pattern THUMBPRINT = Pattern.compile("([0-9a-f]{40}|[0-9a-f]{64})");
  private static final String AUTHENTICATION_TYPES = "sas, selfSigned, certificateAuthority or none";

  private final List<String> firmwareVersionPath;

  TwinMapping(List<String> firmwareVersionPath) {
    this.firmwareVersionPath = firmwareVersionPath;
  }

  /**
   * The device's id: the entry's {@code deviceId} when it is a non-blank text and the entry is not
   * a module's twin (a module is not a device); {@code null} otherwise.
   */
  static @Nullable String deviceId(Json.Members entry) {
    if (entry.get("deviceId") instanceof Json.Text text && !text.text().isBlank()
        && !(entry.get("moduleId") instanceof Json.Text)) {
      return text.text();
    }
    return null;
  }

  /** An entry's place in messages: {@code [3] twin 'cam-03'}, {@code [3]} without an id, {@code twin 'cam-03'} alone. */
  static String place(String index, @Nullable String id) {
    if (id == null) {
      return index;
    }
    return (index.isEmpty() ? "" : index + " ") + "twin '" + id + "'";
  }

  /**
   * The device, or {@code null} after adding the problems that keep the entry from being one.
   *
   * @param index the entry's index in the export's list, e.g. {@code [3]}, or empty for an entry on its own
   * @param problems the entry's own problems
   */
  @Nullable Device device(Json.Members entry, String index, SourceProblems problems) {
    Json id = entry.get("deviceId");
    if (id == null || id instanceof Json.Null) {
      problems.add(entry.at(), index, "no deviceId, so this is not a device twin",
          "every twin has one; a query that selects some fields or groups devices (SELECT COUNT() ... GROUP BY)"
              + " writes other objects: export the devices with '" + ExportReader.EXPORT + "'");
      return null;
    }
    if (!(id instanceof Json.Text text) || text.text().isBlank()) {
      problems.add(id.at(), index + ".deviceId", "expected the device's id but found " + id.describe(),
          "every entry of an Azure CLI export names its device; export the devices with '" + ExportReader.EXPORT + "'");
      return null;
    }
    String place = place(index, text.text());
    Json module = entry.get("moduleId");
    if (module instanceof Json.Text moduleId) {
      problems.add(entry.at(), place, "this is the twin of module '" + moduleId.text() + "', not of a device",
          "query devices only: az iot hub query --hub-name HUB -q \"select * from devices\"");
      return null;
    }
    Entry read = new Entry(place, problems);
    Device device;
    try {
      device = Device.builder(text.text())
          .credentials(read.credentials(entry))
          .lifecycle(read.lifecycle(entry.get("status")))
          .firmware(read.firmware(entry))
          .attributes(read.tags(entry.get("tags")))
          .build();
    } catch (InvalidFactException e) {
      // the export's own field names differ from the fact model's, so the entry is the place
      problems.add(entry.at(), place, e.withoutFix(), e.fix());
      return null;
    }
    return read.failed ? null : device;
  }

  /** Reading one entry: its place for messages, and whether a problem was found. */
  private final class Entry {
    private final String place;
    private final SourceProblems problems;
    private boolean failed;

    Entry(String place, SourceProblems problems) {
      this.place = place;
      this.problems = problems;
    }

    @Nullable Credentials credentials(Json.Members entry) {
      // A device identity nests these under 'authentication'; a twin has them at the top.
      Json authentication = entry.get("authentication");
      Json.Members identity = authentication instanceof Json.Members members ? members : null;
      String prefix = identity != null ? "authentication." : "";
      Json type = identity != null ? identity.get("type") : entry.get("authenticationType");
      Json thumbprints = identity != null ? identity.get("x509Thumbprint") : entry.get("x509Thumbprint");
      String typeField = identity != null ? "authentication.type" : "authenticationType";
      if (type == null || type instanceof Json.Null) {
        return null;
      }
      if (!(type instanceof Json.Text text)) {
        problem(type, typeField, "expected an authentication type but found " + type.describe(),
            "expected " + AUTHENTICATION_TYPES);
        return null;
      }
      String thumbprint = primaryThumbprint(thumbprints, prefix + "x509Thumbprint.primaryThumbprint");
      switch (text.text()) {
        case "sas" -> {
          return Credentials.builder().fingerprint(keyFingerprint(identity)).authMethod(AuthMethod.PRE_SHARED_KEY).build();
        }
        case "selfSigned" -> {
          return certificateCredentials(true, thumbprint);
        }
        case "certificateAuthority" -> {
          // The hub accepts only a certificate that chains to a CA verified for it: not self-signed.
          return certificateCredentials(false, thumbprint);
        }
        case "none" -> {
          return Credentials.builder().authMethod(AuthMethod.NONE).build();
        }
        default -> {
          problem(type, typeField, "unknown authentication type '" + text.text() + "'", "expected " + AUTHENTICATION_TYPES);
          return null;
        }
      }
    }

    @Nullable Lifecycle lifecycle(@Nullable Json status) {
      if (status == null || status instanceof Json.Null) {
        return null;
      }
      if (status instanceof Json.Text text && text.text().equals("enabled")) {
        return new Lifecycle(LifecycleStatus.ACTIVE, null, null);
      }
      if (status instanceof Json.Text text && text.text().equals("disabled")) {
        // Disabled says the device may not connect, not why: planned, in maintenance or retired.
        return null;
      }
      problem(status, "status", "unknown status " + quote(status), "expected enabled or disabled");
      return null;
    }

    @Nullable Firmware firmware(Json.Members entry) {
      Json version = entry.find(firmwareVersionPath);
      String field = String.join(".", firmwareVersionPath);
      if (version == null || version instanceof Json.Null) {
        return null;
      }
      if (version instanceof Json.Text text) {
        return text.text().isBlank() ? null : new Firmware(text.text(), null, null, null);
      }
      if (version instanceof Json.Number number) {
        return new Firmware(number.text(), null, null, null);
      }
      problem(version, field, "expected a firmware version but found " + version.describe(),
          "set the option " + AzureIotHubProvider.FIRMWARE_VERSION_PATH + " to the twin field that holds the version");
      return null;
    }

    /** Tags as attributes; nested tags are joined with dots, so {@code tags.location.site} is {@code location.site}. */
    Map<String, Object> tags(@Nullable Json tags) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      if (tags instanceof Json.Members members) {
        flatten("", members, attributes);
      } else if (tags != null && !(tags instanceof Json.Null)) {
        problem(tags, "tags", "expected an object of tags but found " + tags.describe(),
            "IoT Hub writes a twin's tags as a JSON object; export the twin again");
      }
      return attributes;
    }

    private void flatten(String prefix, Json.Members tags, Map<String, Object> attributes) {
      for (Map.Entry<String, Json> tag : tags.members().entrySet()) {
        String name = prefix + tag.getKey();
        Json value = tag.getValue();
        if (value instanceof Json.Members nested) {
          flatten(name + ".", nested, attributes);
        } else if (value instanceof Json.Text text) {
          attributes.put(name, text.text());
        } else if (value instanceof Json.TrueFalse trueFalse) {
          attributes.put(name, trueFalse.value());
        } else if (value instanceof Json.Number number) {
          attributes.put(name, number(number.text()));
        }
        // null is an unset tag; a list has no single value that rules could compare, so it is not read.
      }
    }

    private @Nullable String primaryThumbprint(@Nullable Json thumbprints, String field) {
      if (!(thumbprints instanceof Json.Members members)) {
        return null;
      }
      Json primary = members.get("primaryThumbprint");
      if (primary == null || primary instanceof Json.Null) {
        return null;
      }
      String normalised = primary instanceof Json.Text text
          ? text.text().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT) : "";
      if (!THUMBPRINT.matcher(normalised).matches()) {
        problem(primary, field, primary.describe() + " is not a certificate thumbprint",
            "expected 40 (SHA-1) or 64 (SHA-256) hexadecimal digits");
        return null;
      }
      return normalised;
    }

    private void problem(Json value, String field, String what, @Nullable String fix) {
      failed = true;
      problems.add(value.at(), place + "." + field, what, fix);
    }
  }

  private static Credentials certificateCredentials(boolean selfSigned, @Nullable String thumbprint) {
    // A 64-digit thumbprint is the SHA-256 of the certificate, the same fingerprint the certificate analyser gives.
    String sha256 = thumbprint != null && thumbprint.length() == 64 ? thumbprint : null;
    Certificate certificate = Certificate.builder().selfSigned(selfSigned).sha256Fingerprint(sha256).build();
    return Credentials.builder().fingerprint(thumbprint).authMethod(AuthMethod.CERTIFICATE).certificate(certificate)
        .build();
  }

  /**
   * A fingerprint of the device's symmetric key, so that devices sharing a key are found; the key
   * itself is a secret and is never kept. Twins carry no keys, so this is {@code null} for them.
   */
  private static @Nullable String keyFingerprint(Json.@Nullable Members identity) {
    if (identity == null || !(identity.get("symmetricKey") instanceof Json.Members keys)
        || !(keys.get("primaryKey") instanceof Json.Text key) || key.text().isBlank()) {
      return null;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.text().getBytes(StandardCharsets.UTF_8));
      return "sas-key-sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Object number(String text) {
    BigDecimal exact = new BigDecimal(text);
    try {
      return exact.longValueExact();
    } catch (ArithmeticException notWhole) {
      double value = exact.doubleValue();
      return Double.isFinite(value) && BigDecimal.valueOf(value).compareTo(exact) == 0 ? (Object) value : exact;
    }
  }

  private static String quote(Json value) {
    return value instanceof Json.Text text ? "'" + text.text() + "'" : value.describe();
  }
}
