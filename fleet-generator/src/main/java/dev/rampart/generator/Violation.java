package dev.rampart.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberate weakness the generator gives a device, each named for the built-in pack's category
 * whose rules should find it. Every category of {@code iot-baseline} has at least one.
 */
public enum Violation {
  NO_SECURE_BOOT("procurement") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      object(device, "hardware").put("secureBoot", false);
    }
  },
  OBSOLETE_TLS("procurement") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      firstService(device).put("tlsVersions", List.of("1.0", "1.2"));
    }
  },
  WEAK_WIRELESS("procurement") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> wireless = object(device, "wireless");
      wireless.put("enabled", true);
      wireless.put("security", "wpa");
    }
  },
  DEFAULT_PASSWORD("identity") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      object(device, "credentials").put("defaultPassword", true);
    }
  },
  PASSWORD_AUTH("identity") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> credentials = object(device, "credentials");
      credentials.put("authMethod", "password");
      credentials.remove("certificate");
    }
  },
  EXPIRED_CERTIFICATE("identity") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> certificate = object(object(device, "credentials"), "certificate");
      certificate.put("notAfter", asOf.minusDays(12).atStartOfDay() + ":00Z");
    }
  },
  UNLISTED_DESTINATION("segmentation") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      List<Object> destinations = new ArrayList<>(list(device, "outboundDestinations"));
      destinations.add("198.51.100.23");
      device.put("outboundDestinations", destinations);
    }
  },
  ON_CORPORATE_NETWORK("segmentation") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      List<Object> networks = new ArrayList<>(list(device, "networkIds"));
      networks.add(FleetGenerator.CORPORATE_NETWORK);
      device.put("networkIds", networks);
    }
  },
  OUTDATED_FIRMWARE("patching") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> firmware = object(device, "firmware");
      firmware.put("version", "2.9.4");
      firmware.put("releaseDate", asOf.minusDays(540).toString());
    }
  },
  OTA_DISABLED("patching") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      object(device, "ota").put("enabled", false);
    }
  },
  PAST_END_OF_SUPPORT("patching") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> lifecycle = object(device, "lifecycle");
      lifecycle.put("endOfSupport", asOf.minusDays(45).toString());
      lifecycle.put("plannedRetirement", asOf.minusDays(60).toString());
    }
  },
  NOT_IN_SIEM("monitoring") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      object(device, "monitoring").put("siem", false);
    }
  },
  NO_ANOMALY_DETECTION("monitoring") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      object(device, "monitoring").put("anomalyDetection", false);
    }
  },
  TELNET("interfaces") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> telnet = new LinkedHashMap<>();
      telnet.put("name", "telnet");
      telnet.put("port", 23);
      telnet.put("transport", "tcp");
      telnet.put("protocol", "telnet");
      telnet.put("state", "open");
      telnet.put("exposure", "internal");
      telnet.put("tls", false);
      telnet.put("authRequired", true);
      telnet.put("management", true);
      addService(device, telnet);
    }
  },
  UNAUTHENTICATED_SERVICE("interfaces") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      firstService(device).put("authRequired", false);
    }
  },
  PLAINTEXT_MQTT("interfaces") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> mqtt = new LinkedHashMap<>();
      mqtt.put("name", "mqtt");
      mqtt.put("port", 1883);
      mqtt.put("transport", "tcp");
      mqtt.put("protocol", "mqtt");
      mqtt.put("state", "open");
      mqtt.put("exposure", "internal");
      mqtt.put("tls", false);
      mqtt.put("authRequired", true);
      // plain MQTT authenticates with the CONNECT packet's user name and password
      mqtt.put("authSchemes", List.of("password"));
      mqtt.put("rateLimited", true);
      mqtt.put("inputValidation", true);
      addService(device, mqtt);
    }
  },
  UNENCRYPTED_AT_REST("data") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      Map<String, Object> data = object(device, "data");
      data.put("sensitiveData", true);
      data.put("encryptedAtRest", false);
    }
  },
  LONG_RETENTION("data") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      object(device, "data").put("retentionDays", 730);
    }
  },
  NO_FALLBACK("resilience") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      device.put("criticality", "critical");
      object(device, "resilience").put("fallbackMode", false);
    }
  },
  STALE_BACKUP("resilience") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      object(device, "resilience").put("lastBackup", asOf.minusDays(95).atTime(2, 30) + ":00Z");
    }
  },
  NO_OWNER("operations") {
    @Override
    void apply(Map<String, Object> device, LocalDate asOf) {
      device.remove("owner");
    }
  };

  private final String category;

  Violation(String category) {
    this.category = category;
  }

  /** The built-in pack category whose rules find this violation, e.g. {@code identity}. */
  public String category() {
    return category;
  }

  /** Changes a compliant device so that it has this violation. */
  abstract void apply(Map<String, Object> device, LocalDate asOf);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? List.of() : (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstService(Map<String, Object> device) {
    return (Map<String, Object>) list(device, "services").get(0);
  }

  private static void addService(Map<String, Object> device, Map<String, Object> service) {
    List<Object> services = new ArrayList<>(list(device, "services"));
    services.add(service);
    device.put("services", services);
  }
}
