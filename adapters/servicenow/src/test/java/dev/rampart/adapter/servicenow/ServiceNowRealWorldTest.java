package dev.rampart.adapter.servicenow;

import static dev.rampart.adapter.servicenow.RecordedServiceNow.PASSWORD;
import static dev.rampart.adapter.servicenow.RecordedServiceNow.USER;
import static dev.rampart.adapter.servicenow.RecordedServiceNow.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Table API records written by others (see {@code PROVENANCE.md} in the test resources), served by
 * the recorded instance as the first page of {@code cmdb_ci_hardware}. Their references point to
 * records nobody published, which the instance answers with 404: those fields stay unknown.
 */
class ServiceNowRealWorldTest {

  private static final Lifecycle ACTIVE = new Lifecycle(LifecycleStatus.ACTIVE, null, null);

  @AutoClose
  private final RecordedServer instance = RecordedServiceNow.start();

  @Test
  void rapid7sGetCiExampleIsOneServerWithItsMacInCanonicalFormAndNoLocation() throws SourceException {
    String sysId = "375a6a55dbdef7002e12ff00ba9619d6";
    instance.answer("rapid7", "cmdb_ci_hardware#0", recorded("real-world/rapid7-insightconnect-get-ci-cmdb_ci_server.json"));

    Map<Fact, Origin> facts = read("rapid7");

    // mac_address "234324234342" is twelve hex digits: a MAC address written without separators.
    // location's value "US-East" is no sys_id, so it is never put into a URL: the location stays unknown.
    assertEquals(List.of(Device.builder("TEST NAME").name("TEST NAME").macAddress("23:43:24:23:43:42")
            .ipAddresses(List.of("10.0.0.1")).lifecycle(ACTIVE).attributes(attributes(sysId, "cmdb_ci_server")).build()),
        List.copyOf(facts.keySet()));
    assertEquals(List.of(instance.url("rapid7") + "/api/now/table/cmdb_ci_hardware/" + sysId),
        facts.values().stream().map(Origin::location).toList());
    assertEquals(List.of("/rapid7/api/now/table/cmdb_model/59d4c676db0fc700553363835b961949"),
        references("rapid7"));
  }

  @Test
  void demistosRecordedLinuxServersAreTwoDevicesWithOnlyWhatTheirRecordsHold() throws SourceException {
    instance.answer("demisto", "cmdb_ci_hardware#0", recorded("real-world/demisto-cmdb-cmdb_ci_linux_server.json"));

    Map<Fact, Origin> facts = read("demisto");

    // Every other field is "" (unknown); the references carry display_value too, which is not read.
    assertEquals(demistosDevices(), List.copyOf(facts.keySet()));
    // both share one model: asked for once, at the configured instance, not at the instance in the links
    assertEquals(List.of("/demisto/api/now/table/cmdb_model/4ed329e3db27901026fca015ca9619fc"), references("demisto"));
  }

  @Test
  void anInstalledCiWhoseOperationalStatusIsRetiredIsRetired() throws SourceException {
    // rapid7's record with operational_status 6 (Retired) instead of 1 (Operational); install_status stays 1
    instance.answer("retired", "cmdb_ci_hardware#0",
        recorded("real-world/rapid7-insightconnect-get-ci-cmdb_ci_server-operational-retired.json"));

    Map<Fact, Origin> facts = read("retired");

    assertEquals(List.of(Device.builder("TEST NAME").name("TEST NAME").macAddress("23:43:24:23:43:42")
            .ipAddresses(List.of("10.0.0.1")).lifecycle(new Lifecycle(LifecycleStatus.RETIRED, null, null))
            .attributes(attributes("375a6a55dbdef7002e12ff00ba9619d6", "cmdb_ci_server")).build()),
        List.copyOf(facts.keySet()));
  }

  @Test
  void anOperationalStatusMappedToUnknownLeavesTheInstallStatusToDecide() throws SourceException {
    instance.answer("remapped", "cmdb_ci_hardware#0",
        recorded("real-world/rapid7-insightconnect-get-ci-cmdb_ci_server-operational-retired.json"));

    Map<Fact, Origin> facts = read("remapped", Map.of("operationalStatusMap", "6:unknown"));

    assertEquals(List.of(ACTIVE), facts.keySet().stream().map(fact -> ((Device) fact).lifecycle()).toList());
  }

  @Test
  void anInstalledCiThatIsNonOperationalIsInMaintenanceAndItsOperationalTwinStaysActive() throws SourceException {
    // demisto's records with the second one's operational_status 2 (Non-Operational); both are installed
    instance.answer("down", "cmdb_ci_hardware#0", recorded("real-world/demisto-cmdb-cmdb_ci_linux_server-non-operational.json"));

    Map<Fact, Origin> facts = read("down");

    assertEquals(List.of(
        Device.builder("Record For README").name("Record For README").lifecycle(ACTIVE)
            .attributes(attributes("a8decc3f1b9c2410042611b4bd4bcb7d", "cmdb_ci_linux_server")).build(),
        Device.builder("README Record").name("README Record")
            .lifecycle(new Lifecycle(LifecycleStatus.MAINTENANCE, null, null))
            .attributes(attributes("d64098b3db50641026fca015ca9619a7", "cmdb_ci_linux_server")).build()),
        List.copyOf(facts.keySet()));
  }

  @Test
  void demistosRecordsWithDisplayValuesBesideEveryValueGiveTheSameDevices() throws SourceException {
    // sysparm_display_value=all: every field is {display_value, value}, install_status's display value "Installed"
    instance.answer("all", "cmdb_ci_hardware#0", recorded("real-world/demisto-cmdb-cmdb_ci_linux_server-display-value-all.json"));

    Map<Fact, Origin> facts = read("all");

    assertEquals(demistosDevices(), List.copyOf(facts.keySet()));
    assertEquals(List.of("/all/api/now/table/cmdb_model/4ed329e3db27901026fca015ca9619fc"), references("all"));
  }

  @Test
  void stackStatesRecordWithLabelsForCodesIsSkippedSayingTheAnswerHoldsDisplayValues() throws SourceException {
    // a developer instance's cmdb_ci record as sysparm_display_value=true gives it: install_status "Installed",
    // operational_status "Operational", sys_class_name "Configuration Item", sys_domain without a value
    instance.answer("labels", "cmdb_ci_hardware#0", recorded("real-world/stackstate-cmdb_ci-display-values.json"));

    RecordingSink read = RecordingSink.readPartially(provider().create(config("labels", Map.of())));

    String page = instance.url("labels") + "/api/now/table/cmdb_ci_hardware (sysparm_offset 0): result[0] (sys_id"
        + " '8fbc3c053bc07300b924874064efc4ae', name 'Unknown'): ";
    String check = ", not one of ServiceNow's codes: the answer holds display values instead of stored ones (check that"
        + " no proxy or scripted REST API changes the request's sysparm_display_value=false; stored codes are numbers,"
        + " such as 1 for Installed)";
    assertEquals(List.of(), read.facts());
    assertEquals(1, read.skippedRecords().size());
    SkippedRecord skipped = read.skippedRecords().get(0);
    assertEquals(List.of(page + "install_status 'Installed' is a label" + check,
        page + "operational_status 'Operational' is a label" + check), skipped.problems());
    assertEquals("device 'Unknown'", skipped.describeFact());
    assertEquals(instance.url("labels") + "/api/now/table/cmdb_ci_hardware/8fbc3c053bc07300b924874064efc4ae",
        skipped.origin().location());
  }

  /** The devices of demisto's two records: their names, status and class; every other field is unknown. */
  private static List<Fact> demistosDevices() {
    return List.of(
        Device.builder("Record For README").name("Record For README").lifecycle(ACTIVE)
            .attributes(attributes("a8decc3f1b9c2410042611b4bd4bcb7d", "cmdb_ci_linux_server")).build(),
        Device.builder("README Record").name("README Record").lifecycle(ACTIVE)
            .attributes(attributes("d64098b3db50641026fca015ca9619a7", "cmdb_ci_linux_server")).build());
  }

  private Map<Fact, Origin> read(String scenario) throws SourceException {
    return read(scenario, Map.of());
  }

  private Map<Fact, Origin> read(String scenario, Map<String, String> options) throws SourceException {
    Map<Fact, Origin> facts = new LinkedHashMap<>();
    provider().create(config(scenario, options)).read(facts::put);
    return facts;
  }

  private SourceConfig config(String scenario, Map<String, String> options) {
    Map<String, String> all = new LinkedHashMap<>(options);
    all.put("user", USER);
    return new SourceConfig(instance.url(scenario), all);
  }

  private static ServiceNowProvider provider() {
    return new ServiceNowProvider(Map.of("SERVICENOW_PASSWORD", PASSWORD)::get, wait -> { },
        Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  /** The requests for single records, without their query. */
  private List<String> references(String scenario) {
    return instance.requests().stream().filter(request -> !request.contains("/cmdb_ci_hardware?"))
        .map(request -> request.replaceFirst("\\?.*", "")).toList();
  }

  private static Map<String, Object> attributes(String sysId, String className) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("sysId", sysId);
    attributes.put("class", className);
    return attributes;
  }
}
