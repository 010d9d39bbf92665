package dev.rampart.generator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a realistic native inventory (JSON) for a {@link FleetSpec}: one compliant deployment,
 * vendors and networks in proportion to the devices, and devices of which most pass every rule of
 * the built-in pack, about one in eleven has one or more {@link Violation}s (or shares its
 * credential with another device), and a few leave fields out so that some rules are UNKNOWN.
 *
 * <p>Each device is built from its own random stream (the seed and its index), written and
 * forgotten: memory stays flat at any fleet size, and the same spec always gives the same bytes.
 */
public final class FleetGenerator {

  /** The id of the corporate LAN that some violating devices are also attached to. */
  public static final String CORPORATE_NETWORK = "corp-lan";

  /** Share of devices given one to three violations. */
  static final double VIOLATION_RATE = 0.085;

  /** Share of device pairs (0-1, 2-3, ...) whose two devices share one credential fingerprint. */
  static final double SHARED_CREDENTIAL_RATE = 0.005;

  /** Share of devices with one field left out. */
  static final double MISSING_FIELD_RATE = 0.04;

  /** Share of devices already retired, for which device rules do not apply. */
  static final double RETIRED_RATE = 0.01;

  private static final String SITE = "rampart-bench";
  /** The address of the site's device controller, the one internal peer every device may reach. */
  private static final String CONTROLLER = "10.250.0.10";
  private static final String[] OWNERS = {"facilities", "it-infrastructure", "production", "logistics", "security"};
  private static final String[] FIRMWARE = {"3.4.1", "4.0.2", "4.2.0", "5.1.7"};
  private static final String[] BUILDINGS = {"north", "south", "harbour", "annex"};
  private static final long GAMMA = 0x9E3779B97F4A7C15L;

  private final FleetSpec spec;
  private final int idWidth;
  private final Map<Violation, Long> violations = new EnumMap<>(Violation.class);
  private long devicesWithViolations;
  private long devicesWithMissingFields;
  private long sharedCredentialPairs;

  private FleetGenerator(FleetSpec spec) {
    this.spec = spec;
    this.idWidth = Math.max(7, Integer.toString(spec.devices()).length());
  }

  /** Writes the fleet to a file, replacing it. */
  public static FleetSummary write(FleetSpec spec, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      return write(spec, out);
    }
  }

  /** Writes the fleet to a stream, which is flushed but left open. */
  public static FleetSummary write(FleetSpec spec, OutputStream out) throws IOException {
    CountingStream counting = new CountingStream(out);
    FleetGenerator generator = new FleetGenerator(spec);
    try (Document document = new Document(counting)) {
      generator.generate(document);
    }
    counting.flush();
    return generator.summary(counting.count);
  }

  /**
   * Writes the same fleet as {@link #write(FleetSpec, Path)} as JSON-lines tables, one directory per
   * fact type ({@link FleetTables#DEPLOYMENT}, {@link FleetTables#VENDORS}, {@link FleetTables#NETWORKS},
   * {@link FleetTables#DEVICES}) of files {@code part-00000.jsonl}, ... with one fact per line and at most
   * {@link FleetTables#ROWS_PER_PART} facts per file: the same facts, ids and values, in the same order.
   *
   * <p>The tables are written into a sibling directory first and moved into place at the end, so that
   * a failure leaves no partial fleet behind.
   *
   * @param directory the directory to create; it must not exist or be empty
   * @throws FileAlreadyExistsException if the directory exists and is not empty
   */
  public static FleetSummary writeTables(FleetSpec spec, Path directory) throws IOException {
    return writeTables(spec, directory, FleetTables.ROWS_PER_PART);
  }

  static FleetSummary writeTables(FleetSpec spec, Path directory, int rowsPerPart) throws IOException {
    Path target = directory.toAbsolutePath();
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
        if (entries.iterator().hasNext()) {
          throw new FileAlreadyExistsException(directory.toString(), null, "the directory is not empty");
        }
      }
    }
    Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
    FleetGenerator generator = new FleetGenerator(spec);
    Tables tables = new Tables(staging, rowsPerPart);
    try {
      try (tables) {
        generator.generate(tables);
      }
      Files.deleteIfExists(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
    return generator.summary(tables.bytes);
  }

  private void generate(FactSink sink) throws IOException {
    sink.single(FleetTables.DEPLOYMENT, deployment());
    sink.startList(FleetTables.VENDORS);
    for (int v = 0; v < spec.vendors(); v++) {
      sink.element(vendor(v));
    }
    sink.endList();
    sink.startList(FleetTables.NETWORKS);
    sink.element(corporateNetwork());
    for (int n = 0; n < spec.networks(); n++) {
      sink.element(network(n));
    }
    sink.endList();
    sink.startList(FleetTables.DEVICES);
    for (int d = 0; d < spec.devices(); d++) {
      sink.element(device(d));
    }
    sink.endList();
  }

  private FleetSummary summary(long bytes) {
    return new FleetSummary(spec.devices(), spec.networks() + 1L, spec.vendors(), devicesWithViolations,
        devicesWithMissingFields, sharedCredentialPairs, violations, bytes);
  }

  private Map<String, Object> deployment() {
    Map<String, Object> deployment = new LinkedHashMap<>();
    deployment.put("id", SITE);
    deployment.put("name", "Rampart benchmark site (" + spec.devices() + " devices, seed " + spec.seed() + ")");
    deployment.put("incidentResponse", map("playbook", true, "coversIsolation", true, "coversForensics", true,
        "coversVendorCoordination", true, "lastExercised", spec.asOf().minusDays(120).toString()));
    deployment.put("training", map("lastCompleted", spec.asOf().minusDays(90).toString(), "coveragePercent", 94));
    deployment.put("automation", map("certificateRenewal", true, "onboarding", true));
    deployment.put("updates", map("stagedTesting", true));
    deployment.put("zeroTrust", true);
    return deployment;
  }

  private Map<String, Object> vendor(int index) {
    SplittableRandom random = random(1, index);
    Map<String, Object> vendor = new LinkedHashMap<>();
    vendor.put("id", vendorId(index));
    vendor.put("name", "Vendor " + (index + 1));
    // the first vendor is exemplary, so that a small fleet has a clean supplier to compare against
    boolean weak = index > 0 && random.nextDouble() < 0.25;
    vendor.put("disclosureProgram", true);
    vendor.put("supplyChainPolicy", true);
    vendor.put("sbom", !(weak && random.nextBoolean()));
    vendor.put("securityContract", !weak || random.nextBoolean());
    vendor.put("patchSupportUntil", spec.asOf().plusYears(10).toString());
    return vendor;
  }

  private Map<String, Object> corporateNetwork() {
    Map<String, Object> network = new LinkedHashMap<>();
    network.put("id", CORPORATE_NETWORK);
    network.put("name", "Corporate LAN");
    network.put("zone", "corporate");
    network.put("vlan", 10);
    network.put("cidr", "10.0.0.0/16");
    return network;
  }

  private Map<String, Object> network(int index) {
    SplittableRandom random = random(2, index);
    Map<String, Object> network = new LinkedHashMap<>();
    network.put("id", networkId(index));
    network.put("name", "IoT segment " + (index + 1));
    network.put("zone", random.nextDouble() < 0.1 ? "ot" : "iot");
    network.put("vlan", 100 + index % 3900);
    network.put("cidr", "10." + (16 + index / 256 % 200) + "." + index % 256 + ".0/23");
    boolean weak = random.nextDouble() < 0.05;
    network.put("egress", map("defaultDeny", !(weak && random.nextBoolean()),
        "allowlist", List.of("updates." + SITE + ".example", "telemetry." + SITE + ".example", "ntp." + SITE + ".example")));
    // client isolation: devices reach each other only through the site's controller
    network.put("lateral", map("defaultDeny", true, "allowlist", List.of(CONTROLLER + "/32")));
    network.put("criticalSystemsAccess", random.nextBoolean() ? "none" : "restricted");
    network.put("monitoring", map("trafficMonitoring", true, "anomalyDetection", true,
        "postureBasedAccess", !(weak && random.nextBoolean())));
    return network;
  }

  private Map<String, Object> device(int index) {
    SplittableRandom random = random(3, index);
    Map<String, Object> device = compliantDevice(index, random);

    SplittableRandom pair = random(4, index / 2);
    boolean shared = index / 2 * 2 + 1 < spec.devices() && pair.nextDouble() < SHARED_CREDENTIAL_RATE;
    if (shared) {
      credentials(device).put("fingerprint", "SHA256:" + hex(pair, 4));
      if (index % 2 == 0) {
        sharedCredentialPairs++;
      }
    }
    boolean violating = random.nextDouble() < VIOLATION_RATE;
    if (violating) {
      Violation[] kinds = Violation.values();
      int count = 1 + (random.nextDouble() < 0.3 ? 1 + random.nextInt(2) : 0);
      for (int i = 0; i < count; i++) {
        Violation violation = kinds[random.nextInt(kinds.length)];
        violation.apply(device, spec.asOf());
        violations.merge(violation, 1L, Long::sum);
      }
    }
    boolean retired = false;
    if (violating || shared) {
      devicesWithViolations++;
    } else if (random.nextDouble() < RETIRED_RATE) {
      lifecycle(device).put("status", "retired");
      // decommissioned: a retired device still listening is a finding of its own (OPS-006)
      device.put("services", List.of());
      retired = true;
    }
    // a retired device's rules do not apply, so a field it leaves out would make nothing UNKNOWN
    if (random.nextDouble() < MISSING_FIELD_RATE && !retired) {
      leaveOutOneField(device, random);
      devicesWithMissingFields++;
    }
    return device;
  }

  private Map<String, Object> compliantDevice(int index, SplittableRandom random) {
    String id = "dev-" + String.format(Locale.ROOT, "%0" + idWidth + "d", index);
    int network = index / FleetSpec.DEVICES_PER_NETWORK;
    String vendor = vendorId(random.nextInt(spec.vendors()));
    double kind = random.nextDouble();
    String deviceClass = kind < 0.5 ? "constrained" : kind < 0.85 ? "standard" : "gateway";
    LocalDate asOf = spec.asOf();

    Map<String, Object> device = new LinkedHashMap<>();
    device.put("id", id);
    device.put("name", switch (deviceClass) {
      case "constrained" -> "Sensor " + index;
      case "standard" -> "Camera " + index;
      default -> "Gateway " + index;
    });
    device.put("model", vendor.toUpperCase(Locale.ROOT) + "-" + deviceClass.substring(0, 1).toUpperCase(Locale.ROOT)
        + (100 + random.nextInt(8) * 100));
    device.put("serialNumber", "SN" + hex(random, 1).substring(0, 12).toUpperCase(Locale.ROOT));
    device.put("macAddress", mac(index));
    device.put("ipAddresses", List.of("10." + (16 + network / 256 % 200) + "." + (network % 256) + "." + (index % 500 / 2)));
    device.put("vendorId", vendor);
    device.put("networkIds", List.of(networkId(network)));
    device.put("deviceClass", deviceClass);
    device.put("owner", OWNERS[random.nextInt(OWNERS.length)]);
    double level = random.nextDouble();
    String criticality = level < 0.4 ? "low" : level < 0.8 ? "medium" : level < 0.95 ? "high" : "critical";
    device.put("criticality", criticality);
    device.put("hardware", map("rootOfTrust", true, "rootOfTrustType", random.nextBoolean() ? "tpm2" : "secureElement",
        "secureBoot", true, "trustedExecution", true));
    String firmware = FIRMWARE[random.nextInt(FIRMWARE.length)];
    device.put("firmware", map("version", firmware, "releaseDate", asOf.minusDays(20 + random.nextInt(280)).toString(),
        "latestVersion", firmware, "signed", true));
    device.put("ota", map("enabled", true, "signedImages", true, "integrityCheck", true, "stagedRollout", true,
        "updatePolicy", SITE + "-security-within-14d"));
    device.put("credentials", map("defaultPassword", false, "sharedPassword", false,
        "fingerprint", "SHA256:" + hex(random, 4), "authMethod", "certificate", "certificate", certificate(id, random)));
    // a policy without Deny statements: none can deny less than it seems (IDN-024)
    device.put("accessPolicy", map("actions", List.of("iot:Publish", "iot:Subscribe", "iot:Receive"),
        "resources", List.of("topic/" + SITE + "/" + networkId(network) + "/" + id),
        "deniedActions", List.of(), "deniedResources", List.of()));
    device.put("services", services(deviceClass));
    boolean wifi = deviceClass.equals("constrained") && random.nextBoolean();
    device.put("wireless", wifi ? map("enabled", true, "security", "wpa3") : map("enabled", false));
    boolean sensitive = deviceClass.equals("standard");
    device.put("data", map("personalData", sensitive, "sensitiveData", sensitive, "encryptedInTransit", true,
        "encryptedAtRest", true, "retentionPolicy", true, "retentionDays", 30 + random.nextInt(12) * 30));
    device.put("monitoring", map("siem", true, "anomalyDetection", true));
    device.put("resilience", map("fallbackMode", true, "backupAllowed", true,
        "lastBackup", asOf.minusDays(1 + random.nextInt(25)).atTime(2, 30) + ":00Z"));
    LocalDate endOfSupport = asOf.plusDays(730 + random.nextInt(1460));
    device.put("lifecycle", map("status", random.nextDouble() < 0.05 ? "maintenance" : "active",
        "endOfSupport", endOfSupport.toString(), "plannedRetirement", endOfSupport.minusDays(random.nextInt(365)).toString()));
    device.put("connectivity", deviceClass.equals("constrained")
        ? map("viaGateway", true, "directCloud", false) : map("viaGateway", false, "directCloud", true));
    device.put("outboundDestinations", List.of("updates." + SITE + ".example", "telemetry." + SITE + ".example"));
    device.put("egressAllowlist",
        List.of("updates." + SITE + ".example", "telemetry." + SITE + ".example", "ntp." + SITE + ".example"));
    device.put("observedPeers", List.of(CONTROLLER));
    device.put("allowedPeers", List.of(CONTROLLER));
    device.put("attributes", map("building", BUILDINGS[network % BUILDINGS.length], "floor", 1 + random.nextInt(6)));
    return device;
  }

  private Map<String, Object> certificate(String id, SplittableRandom random) {
    boolean rsa = random.nextDouble() < 0.3;
    LocalDate asOf = spec.asOf();
    Map<String, Object> certificate = new LinkedHashMap<>();
    certificate.put("subject", "CN=" + id + ",O=" + SITE);
    certificate.put("issuer", "CN=" + SITE + " device CA,O=" + SITE);
    certificate.put("serialNumber", hex(random, 2));
    certificate.put("keyAlgorithm", rsa ? "RSA" : "EC");
    certificate.put("keySize", rsa ? 2048 : 256);
    certificate.put("signatureAlgorithm", rsa ? "sha256WithRSAEncryption" : "ecdsa-with-SHA256");
    certificate.put("notBefore", asOf.minusDays(30 + random.nextInt(300)).atStartOfDay() + ":00Z");
    certificate.put("notAfter", asOf.plusDays(90 + random.nextInt(600)).atStartOfDay() + ":00Z");
    certificate.put("selfSigned", false);
    certificate.put("issuedByOrganisationPki", true);
    certificate.put("chainValid", true);
    certificate.put("revoked", false);
    certificate.put("ca", false);
    certificate.put("sha256Fingerprint", hex(random, 4));
    return certificate;
  }

  private static List<Object> services(String deviceClass) {
    return switch (deviceClass) {
      case "constrained" -> List.of(service("coaps", 5684, "udp", "coaps", false));
      case "standard" -> List.of(service("https", 443, "tcp", "https", true), service("rtsps", 322, "tcp", "rtsps", false));
      default -> List.of(service("https", 443, "tcp", "https", true), service("mqtts", 8883, "tcp", "mqtts", false));
    };
  }

  private static Map<String, Object> service(String name, int port, String transport, String protocol, boolean management) {
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("name", name);
    service.put("port", port);
    service.put("transport", transport);
    service.put("protocol", protocol);
    service.put("state", "open");
    service.put("exposure", "internal");
    service.put("tls", true);
    service.put("tlsVersions", List.of("1.2", "1.3"));
    service.put("weakCiphers", false);
    service.put("authRequired", true);
    service.put("authSchemes", List.of("mutualTLS"));
    service.put("rateLimited", true);
    service.put("inputValidation", true);
    service.put("management", management);
    return service;
  }

  @SuppressWarnings("unchecked")
  private static void leaveOutOneField(Map<String, Object> device, SplittableRandom random) {
    switch (random.nextInt(6)) {
      case 0 -> device.remove("monitoring");
      case 1 -> ((Map<String, Object>) device.get("hardware")).remove("trustedExecution");
      case 2 -> ((Map<String, Object>) device.get("firmware")).remove("releaseDate");
      case 3 -> device.remove("data");
      case 4 -> ((Map<String, Object>) ((List<Object>) device.get("services")).get(0)).remove("authRequired");
      default -> device.remove("vendorId");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> credentials(Map<String, Object> device) {
    return (Map<String, Object>) device.get("credentials");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lifecycle(Map<String, Object> device) {
    return (Map<String, Object>) device.get("lifecycle");
  }

  /** An independent random stream for one fact: the seed, the kind of fact and its index. */
  private SplittableRandom random(int kind, int index) {
    return new SplittableRandom(spec.seed() * GAMMA + (long) kind * 0x632BE59BD9B4E019L + index);
  }

  private static String vendorId(int index) {
    return String.format(Locale.ROOT, "vendor-%04d", index + 1);
  }

  private static String networkId(int index) {
    return String.format(Locale.ROOT, "net-%05d", index + 1);
  }

  private static String mac(int index) {
    return String.format(Locale.ROOT, "02:00:%02x:%02x:%02x:%02x",
        index >>> 24 & 0xff, index >>> 16 & 0xff, index >>> 8 & 0xff, index & 0xff);
  }

  private static String hex(SplittableRandom random, int longs) {
    StringBuilder text = new StringBuilder(longs * 16);
    for (int i = 0; i < longs; i++) {
      text.append(String.format(Locale.ROOT, "%016x", random.nextLong()));
    }
    return text.toString();
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName((String) entry.getKey());
        writeValue(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        writeValue(json, element);
      }
      json.writeEndArray();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else {
      throw new IllegalStateException("no JSON form for " + value.getClass().getName());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Where generated facts go: one inventory document, or one table per fact type. */
  private interface FactSink extends Closeable {

    /** The one fact of a table that the inventory holds as an object (the deployment). */
    void single(String table, Map<String, Object> fact) throws IOException;

    void startList(String table) throws IOException;

    void element(Map<String, Object> fact) throws IOException;

    void endList() throws IOException;
  }

  /** The native inventory: one JSON object with the deployment and the lists of vendors, networks and devices. */
  private static final class Document implements FactSink {
    private final JsonGenerator json;

    Document(OutputStream out) throws IOException {
      json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setPrettyPrinter(new OneFactPerLine());
      json.writeStartObject();
    }

    @Override
    public void single(String table, Map<String, Object> fact) throws IOException {
      json.writeFieldName(table);
      writeValue(json, fact);
    }

    @Override
    public void startList(String table) throws IOException {
      json.writeArrayFieldStart(table);
    }

    @Override
    public void element(Map<String, Object> fact) throws IOException {
      writeValue(json, fact);
    }

    @Override
    public void endList() throws IOException {
      json.writeEndArray();
    }

    @Override
    public void close() throws IOException {
      json.writeEndObject();
      json.writeRaw('\n');
      json.close();
    }
  }

  /** JSON-lines tables: a directory per fact type, files of at most so many facts, a fact per line. */
  private static final class Tables implements FactSink {
    private final JsonFactory factory = JsonFactory.builder().build();
    private final Path root;
    private final int rowsPerPart;
    private @Nullable Path table;
    private @Nullable JsonGenerator part;
    private @Nullable CountingStream partStream;
    private int parts;
    private int rows;
    private long bytes;

    Tables(Path root, int rowsPerPart) {
      this.root = root;
      this.rowsPerPart = rowsPerPart;
    }

    @Override
    public void single(String name, Map<String, Object> fact) throws IOException {
      startList(name);
      element(fact);
      endList();
    }

    @Override
    public void startList(String name) throws IOException {
      table = Files.createDirectory(root.resolve(name));
      parts = 0;
      rows = 0;
      // an empty list is an empty table: one part with no lines, so that the directory is a table
      openPart();
    }

    @Override
    public void element(Map<String, Object> fact) throws IOException {
      if (rows == rowsPerPart) {
        closePart();
        openPart();
      }
      JsonGenerator json = Objects.requireNonNull(part, "part");
      writeValue(json, fact);
      json.writeRaw('\n');
      rows++;
    }

    @Override
    public void endList() throws IOException {
      closePart();
    }

    @Override
    public void close() throws IOException {
      closePart();
    }

    private void openPart() throws IOException {
      Path file = Objects.requireNonNull(table, "table").resolve(String.format(Locale.ROOT, "part-%05d.jsonl", parts++));
      partStream = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      part = factory.createGenerator(partStream, JsonEncoding.UTF8);
      part.setPrettyPrinter(new MinimalPrettyPrinter(""));
      rows = 0;
    }

    private void closePart() throws IOException {
      if (part != null) {
        part.close();
        bytes += Objects.requireNonNull(partStream, "partStream").count;
        part = null;
        partStream = null;
      }
    }
  }

  /** Compact JSON with each vendor, network and device on a line of its own, for diffs and {@code head}. */
  private static final class OneFactPerLine extends MinimalPrettyPrinter {

    @Override
    public void beforeArrayValues(JsonGenerator json) throws IOException {
      if (isFactList(json.getOutputContext())) {
        json.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw(isFactList(json.getOutputContext()) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator json, int entries) throws IOException {
      if (isFactList(json.getOutputContext()) && entries > 0) {
        json.writeRaw('\n');
      }
      json.writeRaw(']');
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw(':');
    }

    private static boolean isFactList(JsonStreamContext context) {
      JsonStreamContext top = context.getParent();
      return context.inArray() && top != null && top.getParent() != null && top.getParent().inRoot();
    }
  }

  /** Counts the bytes written, for the summary. */
  private static final class CountingStream extends FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
