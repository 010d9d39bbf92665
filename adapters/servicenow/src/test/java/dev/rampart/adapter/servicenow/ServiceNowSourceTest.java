package dev.rampart.adapter.servicenow;

import static dev.rampart.adapter.servicenow.RecordedServiceNow.PASSWORD;
import static dev.rampart.adapter.servicenow.RecordedServiceNow.TOKEN;
import static dev.rampart.adapter.servicenow.RecordedServiceNow.USER;
import static dev.rampart.adapter.servicenow.RecordedServiceNow.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ServiceNowSourceTest {

  private static final String CAMERA = "acf5d4f62166c7142416203171a94ab5";
  private static final String PLC = "3f5e36333cf3f7dc7a385e3f0f819425";
  private static final String PRINTER = "3e0270490087f542756edd2044af8a2f";
  private static final String VALVE = "deef3ecfeb7f4c60fef95ac588e18e52";
  private static final String ROUTER = "e99f563ddbf774a7d00437f1ba09e3eb";
  private static final String FIELDS = "sys_id%2Csys_class_name%2Cname%2Cserial_number%2Cmac_address%2Cip_address"
      + "%2Cmodel_id%2Cmodel_number%2Cmanufacturer%2Cinstall_status%2Coperational_status%2Casset_tag%2Clocation%2Cowned_by%2Cassigned_to"
      + "%2Cu_firmware_version%2Cu_end_of_support";
  private static final String PAGE_1 = "/api/now/table/cmdb_ci_hardware?sysparm_query=ORDERBYsys_id&sysparm_fields="
      + FIELDS + "&sysparm_limit=2&sysparm_offset=0&sysparm_display_value=false&sysparm_exclude_reference_link=false";

  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> environment = new HashMap<>(Map.of("SERVICENOW_PASSWORD", PASSWORD));
  @AutoClose
  private final RecordedServer instance = RecordedServiceNow.start();

  @Test
  void theRecordedCmdbBecomesVendorsAndDevices() throws SourceException {
    List<Fact> facts = read(config("")).keySet().stream().toList();

    String hall = "Harbour Office/Production Hall";
    assertEquals(List.of(
        Vendor.builder("hp-inc").name("HP Inc.").build(),
        Vendor.builder("siemens").name("Siemens").build(),
        Vendor.builder("axis-communications").name("Axis Communications").build(),
        Vendor.builder("burkert-fluid-control").name("Bürkert Fluid Control").build(),
        Vendor.builder("cisco").name("Cisco").build(),
        Device.builder("printer-2f").name("printer-2f").model("LaserJet Pro M404dn").serialNumber("VNB3K12345")
            .macAddress("a0:8c:fd:12:34:56").ipAddresses(List.of("10.40.0.20")).vendorId("hp-inc")
            .attributes(attributes(PRINTER, "cmdb_ci_printer", "P1000555", null)).build(),
        Device.builder("plc-line-1").name("plc-line-1").model("SIMATIC S7-1500").serialNumber("S C-X4U12345")
            .macAddress("28:63:36:0a:0b:0c").ipAddresses(List.of("10.30.0.5")).vendorId("siemens").owner("ot.engineer")
            .firmware(new Firmware("V3.1.2", null, null, null))
            .lifecycle(new Lifecycle(LifecycleStatus.MAINTENANCE, LocalDate.of(2027, 6, 30), null))
            .attributes(attributes(PLC, "cmdb_ci_hardware", "P1000377", hall)).build(),
        Device.builder("cam-lobby-01").name("cam-lobby-01").model("AXIS P3265-LVE").serialNumber("ACCC8EF1A2B3")
            .macAddress("ac:cc:8e:f1:a2:b3").ipAddresses(List.of("10.20.0.11")).vendorId("axis-communications")
            .owner("facilities.ops").firmware(new Firmware("11.8.64", null, null, null))
            .lifecycle(new Lifecycle(LifecycleStatus.ACTIVE, LocalDate.of(2029, 12, 31), null))
            .attributes(attributes(CAMERA, "cmdb_ci_hardware", "P1000412", "Harbour Office/Lobby")).build(),
        Device.builder("servicenow-" + VALVE).model("8694").serialNumber("BKT-8694-0042").vendorId("burkert-fluid-control")
            .lifecycle(new Lifecycle(LifecycleStatus.PLANNED, null, null))
            .attributes(attributes(VALVE, "cmdb_ci_hardware", null, hall)).build(),
        Device.builder("rtr-edge-01").name("rtr-edge-01").model("IR1101-K9").serialNumber("FCW2345L0AB")
            .ipAddresses(List.of("192.168.50.1")).vendorId("cisco").owner("network.team")
            .firmware(new Firmware("17.9.4a", null, null, null))
            .lifecycle(new Lifecycle(LifecycleStatus.RETIRED, null, null))
            .attributes(attributes(ROUTER, "cmdb_ci_ip_router", "P1000102", hall)).build()),
        facts);
  }

  @Test
  void eachFactsOriginIsItsRecordsApiUrlAndTheTimeInTheDateHeader() throws SourceException {
    Instant before = Instant.now().minusSeconds(2);
    List<Origin> origins = read(config("")).values().stream().toList();

    String table = instance.url("") + "/api/now/table/";
    assertEquals(List.of(
        table + "core_company/3eacddc104366c3ad3ea602ee723a535", table + "core_company/6ea6172659b9fd4a45ba4d7865fe4fc1",
        table + "core_company/780a392aa84b2ee2b01ac2a07d57fa4d", table + "core_company/1e5b64a781bfb2c5507ad42f302ae743",
        table + "core_company/fa5a08ece52e8a0bfb9c76f1cde3d540",
        table + "cmdb_ci_hardware/" + PRINTER, table + "cmdb_ci_hardware/" + PLC, table + "cmdb_ci_hardware/" + CAMERA,
        table + "cmdb_ci_hardware/" + VALVE, table + "cmdb_ci_hardware/" + ROUTER),
        origins.stream().map(Origin::location).toList());
    for (Origin origin : origins) {
      assertEquals("servicenow", origin.sourceId());
      assertTrue(origin.collectedAt().isAfter(before) && !origin.collectedAt().isAfter(Instant.now()), origin.toString());
    }
  }

  @Test
  void pagesAreFollowedThroughTheLinkHeaderAndEachReferenceIsReadOnce() throws SourceException {
    read(config(""));

    List<String> requests = instance.requests();
    assertEquals(List.of(PAGE_1, PAGE_1.replace("sysparm_offset=0", "sysparm_offset=2"),
        PAGE_1.replace("sysparm_offset=0", "sysparm_offset=4")), requests.subList(0, 3));
    assertEquals("/api/now/table/core_company/3eacddc104366c3ad3ea602ee723a535?sysparm_fields=sys_id%2Cname"
        + "&sysparm_display_value=false&sysparm_exclude_reference_link=true", requests.get(3));
    // 5 companies, 3 models, 4 users (one deleted), 2 locations
    assertEquals(3 + 5 + 3 + 4 + 2, requests.size());
    String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(basic), instance.authorizations().stream().distinct().toList());
  }

  @Test
  void aBearerTokenComesFromTheVariableNamedByTokenEnv() throws SourceException {
    environment.put("SN_TOKEN", TOKEN);

    assertEquals(10, read(new SourceConfig(instance.url(""), Map.of("tokenEnv", "SN_TOKEN", "pageSize", "2"))).size());

    assertEquals(List.of("Bearer " + TOKEN), instance.authorizations().stream().distinct().toList());
  }

  @Test
  void theQueryOptionSelectsRecordsAndKeepsTheOrderStable() {
    assertThrows(SourceException.class, () -> read(new SourceConfig(instance.url("query"),
        Map.of("user", USER, "query", "install_status!=7^sys_class_name=cmdb_ci_iot", "tables", "cmdb_ci_netgear,cmdb_ci_hardware"))));

    assertTrue(instance.requests().get(0).startsWith("/query/api/now/table/cmdb_ci_netgear?sysparm_query="
        + "install_status%21%3D7%5Esys_class_name%3Dcmdb_ci_iot%5EORDERBYsys_id&"), instance.requests().get(0));
  }

  @Test
  void aCiReadThroughTwoTablesIsOneDevice() throws SourceException {
    instance.answer("twice", "cmdb_ci_printer#0", recorded("cmdb_ci_hardware-0.json"));

    Map<Fact, Origin> facts = read(new SourceConfig(instance.url("twice"),
        Map.of("user", USER, "pageSize", "2", "tables", "cmdb_ci_printer,cmdb_ci_hardware")));

    assertEquals(10, facts.size());
    assertTrue(facts.values().stream().anyMatch(origin -> origin.location().endsWith("/cmdb_ci_printer/" + PRINTER)));
  }

  @Test
  void aCiWithAValueTheFactModelRefusesIsSkippedWithItsPlaceAndTheOthersAreRead() throws SourceException {
    instance.answer("bad-values", "cmdb_ci_hardware#0", recorded("cmdb_ci_hardware-0-bad-values.json"));

    RecordingSink read = readPartially(config("bad-values"));

    String table = instance.url("bad-values") + "/api/now/table/cmdb_ci_hardware";
    assertEquals(List.of(
        SkippedRecord.of(origin(read, 0, table + "/" + PRINTER), FactType.DEVICE, "printer-2f", List.of(table
            + " (sysparm_offset 0): result[0] (sys_id '3e0270490087f542756edd2044af8a2f', name 'printer-2f'):"
            + " ipAddresses[0] '10.40.0.300' is not an IP address (write an IPv4 address such as 192.0.2.10 or an IPv6"
            + " address such as 2001:db8::10; correct the value in the CMDB)")),
        SkippedRecord.of(origin(read, 1, table + "/" + PLC), FactType.DEVICE, "plc-line-1", List.of(table
            + " (sysparm_offset 0): result[1] (sys_id '3f5e36333cf3f7dc7a385e3f0f819425', name 'plc-line-1'):"
            + " macAddress '28-63-36-0A-0B' is not a MAC address (write six pairs of hex digits such as"
            + " 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too); correct the value in the"
            + " CMDB)"))),
        read.skippedRecords());
    // the recorded page has no next link: its two CIs are all, and only their manufacturers are read
    assertEquals(List.of("hp-inc", "siemens"),
        read.facts().stream().map(Fact::id).toList());
  }

  @Test
  void aStatusCodeNobodyMappedIsASkippedRecordNamingTheOptionAndAnUnreadableRecordIsSkippedToo() throws SourceException {
    Reply custom = Reply.json(200, """
        {"result": [
          {"sys_id": "%s", "name": "printer-2f", "install_status": "101", "operational_status": "1"},
          {"sys_id": "%s", "name": "plc-line-1", "install_status": "1", "operational_status": "42"},
          {"sys_id": "", "name": "cam-lobby-01", "install_status": "1"},
          "valve-7"]}""".formatted(PRINTER, PLC));
    instance.answer("custom", "cmdb_ci_hardware#0", custom, custom);

    RecordingSink read = readPartially(new SourceConfig(instance.url("custom"), Map.of("user", USER)));

    String page = instance.url("custom") + "/api/now/table/cmdb_ci_hardware (sysparm_offset 0): ";
    assertEquals(List.of(
        page + "result[0] (sys_id '" + PRINTER + "', name 'printer-2f'): install_status '101' is none of ServiceNow's"
            + " codes (map it with the source option installStatusMap, e.g. installStatusMap=101:retired, to one of"
            + " planned, active, maintenance, retired or unknown)",
        page + "result[1] (sys_id '" + PLC + "', name 'plc-line-1'): operational_status '42' is none of ServiceNow's"
            + " codes (map it with the source option operationalStatusMap, e.g. operationalStatusMap=42:retired, to one"
            + " of planned, active, maintenance, retired or unknown)",
        page + "result[2] (name 'cam-lobby-01'): has no sys_id (check that the user may read the sys_id field, and"
            + " that no proxy changes the answers)",
        page + "result[3]: is \"valve-7\", not a record (the Table API never sends this: check any proxy in front of"
            + " the instance)"),
        read.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList());
    assertEquals(Arrays.asList("printer-2f", "plc-line-1", "cam-lobby-01", null),
        read.skippedRecords().stream().map(SkippedRecord::factId).toList());
    assertEquals(List.of(), read.facts());

    RecordingSink mapped = readPartially(new SourceConfig(instance.url("custom"),
        Map.of("user", USER, "installStatusMap", "101:retired", "operationalStatusMap", "42:unknown")));
    assertEquals(List.of(
        Device.builder("printer-2f").name("printer-2f").lifecycle(new Lifecycle(LifecycleStatus.RETIRED, null, null))
            .attributes(Map.of("sysId", PRINTER)).build(),
        Device.builder("plc-line-1").name("plc-line-1").lifecycle(new Lifecycle(LifecycleStatus.ACTIVE, null, null))
            .attributes(Map.of("sysId", PLC)).build()),
        mapped.facts());
  }

  @Test
  void installStatusCodesCanBeRemapped() throws SourceException {
    Map<Fact, Origin> facts = read(new SourceConfig(instance.url(""),
        Map.of("user", USER, "pageSize", "2", "installStatusMap", "6:planned,1:unknown")));

    assertEquals(new Lifecycle(LifecycleStatus.PLANNED, null, null), device(facts, "printer-2f").lifecycle());
    assertEquals(new Lifecycle(null, LocalDate.of(2029, 12, 31), null), device(facts, "cam-lobby-01").lifecycle());
  }

  @Test
  void a429IsTriedAgainAfterTheWaitThatRetryAfterAsksFor() throws SourceException {
    instance.answer("busy", "cmdb_ci_hardware#2", Reply.json(429,
        "{\"error\":{\"message\":\"Rate limit exceeded\"},\"status\":\"failure\"}").with("Retry-After", "12"));

    assertEquals(10, read(config("busy")).size());

    assertEquals(List.of(Duration.ofSeconds(12)), waits);
  }

  @Test
  void a500IsTriedAgainAfterABackoff() throws SourceException {
    instance.answer("flaky", "sys_user/ec6bc9de4a3f975f7bdc43bfb50866eb", Reply.json(500, "{}"), Reply.json(502, ""));

    assertEquals(10, read(config("flaky")).size());

    assertEquals(2, waits.size());
    assertBetween(Duration.ofMillis(500), Duration.ofSeconds(1), waits.get(0));
    assertBetween(Duration.ofSeconds(1), Duration.ofSeconds(2), waits.get(1));
  }

  @Test
  void a500OnEveryAttemptGivesUpWithTheUrlAndTheFix() {
    instance.answer("down", "cmdb_ci_hardware#0", Reply.json(500, "{}"), Reply.json(500, "{}"));

    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(instance.url("down"), Map.of("user", USER, "pageSize", "2", "retries", "2"))));

    assertEquals(List.of("cannot read " + instance.url("down") + PAGE_1 + ": HTTP 500 Internal Server Error, 2 attempts in all"
        + " (the instance keeps failing: try again later, raise the option retries, or look at its system logs)"),
        failure.problems());
    assertEquals(1, waits.size());
  }

  @Test
  void aPageCutOffNamesTheLineAndColumnWhereItEnds() {
    instance.answer("cut-off", "cmdb_ci_hardware#2", recorded("cmdb_ci_hardware-2-truncated.json"));

    SourceException failure = assertThrows(SourceException.class, () -> read(config("cut-off")));

    assertEquals(List.of("cannot read " + instance.url("cut-off") + PAGE_1.replace("sysparm_offset=0", "sysparm_offset=2")
        + ": the answer ends in the middle of the JSON at line 19, column 27"
        + " (the answer was cut off or garbled on the way: try again, or lower the option pageSize)"), failure.problems());
  }

  @Test
  void aNextLinkToAnotherServerIsNotFollowed() {
    instance.answer("proxied", "cmdb_ci_hardware#0", recorded("cmdb_ci_hardware-0.json").with("Link",
        "<https://acme.service-now.com/api/now/table/cmdb_ci_hardware?sysparm_offset=2&sysparm_limit=2>;rel=\"next\""));

    SourceException failure = assertThrows(SourceException.class, () -> read(config("proxied")));

    assertEquals(List.of("cannot read " + instance.url("proxied") + PAGE_1 + ": the next page is at"
        + " 'https://acme.service-now.com/api/now/table/cmdb_ci_hardware', which is not on " + instance.url("proxied")
        + " (Rampart sends the credentials only to the configured instance; if a proxy stands in front of it,"
        + " give the URL the instance knows itself by (its glide.servlet.uri))"), failure.problems());
    assertEquals(1, instance.requests().size());
  }

  @Test
  void aForbiddenTableSaysWhichRoleIsMissing() {
    instance.answer("acl", "cmdb_ci_hardware#0", Reply.json(403,
        "{\"error\":{\"message\":\"Insufficient rights to query records\",\"detail\":\"Field(s) present in the query do not"
            + " have permission to be read\"},\"status\":\"failure\"}"));

    SourceException failure = assertThrows(SourceException.class, () -> read(config("acl")));

    assertEquals(List.of("cannot read " + instance.url("acl") + PAGE_1 + ": HTTP 403 Forbidden: \"Insufficient rights to"
        + " query records\" (the account needs read access to the table cmdb_ci_hardware: a role such as cmdb_read or"
        + " itil, and ACLs that allow it)"), failure.problems());
  }

  @Test
  void invalidValuesAreEachASkippedRecordWithThePageAndTheRecord() throws SourceException {
    Map<String, String> options = Map.of("user", USER, "pageSize", "2", "endOfSupportField", "serial_number");

    RecordingSink read = readPartially(new SourceConfig(instance.url(""), options));

    assertEquals(5, read.skippedRecords().size());
    assertEquals(List.of(instance.url("") + "/api/now/table/cmdb_ci_hardware (sysparm_offset 0): result[0] (sys_id '"
        + PRINTER + "', name 'printer-2f'): field 'serial_number' is 'VNB3K12345', not a date (write it as YYYY-MM-DD,"
        + " or make it a field of type Date)"), read.skippedRecords().get(0).problems());
  }

  @Test
  void theSecretsAppearInNoMessageEvenWhenTheServerRepeatsThem() {
    String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    environment.put("SN_TOKEN", TOKEN);
    instance.answer("echo", "cmdb_ci_hardware#0", Reply.json(400,
            "{\"error\":{\"message\":\"Bad header Basic " + basic + " for " + PASSWORD + "\"},\"status\":\"failure\"}"))
        .answer("echo-token", "cmdb_ci_hardware#0", Reply.json(401, "{\"error\":{\"message\":\"Expired " + TOKEN + "\"}}"))
        .answer("down", "cmdb_ci_hardware#0", Reply.json(503, PASSWORD), Reply.json(503, PASSWORD), Reply.json(503, PASSWORD))
        .answer("cut-off", "cmdb_ci_hardware#2", recorded("cmdb_ci_hardware-2-truncated.json"));
    List<SourceConfig> configs = List.of(config("echo"), config("down"), config("cut-off"),
        new SourceConfig(instance.url("echo-token"), Map.of("tokenEnv", "SN_TOKEN")),
        new SourceConfig("http://127.0.0.1:1", Map.of("user", USER)),
        new SourceConfig("http://" + USER + ":" + PASSWORD + "@127.0.0.1:1", Map.of("user", USER)),
        new SourceConfig(instance.url(""), Map.of("user", USER + ":" + PASSWORD)));
    List<String> messages = new ArrayList<>();
    for (SourceConfig config : configs) {
      SourceException failure = assertThrows(SourceException.class, () -> read(config));
      messages.add(failure.getMessage());
      messages.addAll(failure.problems());
    }

    for (String message : messages) {
      assertFalse(message.contains(PASSWORD) || message.contains(TOKEN) || message.contains(basic), message);
    }
    assertTrue(messages.get(0).endsWith(": HTTP 400 Bad Request: \"Bad header Basic [secret] for [secret]\""
        + " (check the options tables and query)"), messages.get(0));
  }

  private Map<Fact, Origin> read(SourceConfig config) throws SourceException {
    Map<Fact, Origin> facts = new LinkedHashMap<>();
    new ServiceNowProvider(environment::get, waits::add, Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC))
        .create(config).read(facts::put);
    return facts;
  }

  private RecordingSink readPartially(SourceConfig config) throws SourceException {
    return RecordingSink.readPartially(new ServiceNowProvider(environment::get, waits::add,
        Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC)).create(config));
  }

  private static Origin origin(RecordingSink read, int skipped, String location) {
    return Origin.of("servicenow", location).collectedAt(read.skippedRecords().get(skipped).origin().collectedAt());
  }

  private SourceConfig config(String scenario) {
    return new SourceConfig(instance.url(scenario), Map.of("user", USER, "pageSize", "2"));
  }

  private static Device device(Map<Fact, Origin> facts, String id) {
    return (Device) facts.keySet().stream().filter(fact -> fact.id().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Object> attributes(String sysId, String className, String assetTag, String location) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("sysId", sysId);
    attributes.put("class", className);
    if (assetTag != null) {
      attributes.put("assetTag", assetTag);
    }
    if (location != null) {
      attributes.put("location", location);
    }
    return attributes;
  }

  private static void assertBetween(Duration least, Duration most, Duration actual) {
    assertTrue(actual.compareTo(least) >= 0 && actual.compareTo(most) <= 0,
        "expected a wait from " + least + " to " + most + " but was " + actual);
  }
}
