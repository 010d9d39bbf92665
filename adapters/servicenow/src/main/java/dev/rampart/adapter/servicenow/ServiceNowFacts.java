package dev.rampart.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.adapter.servicenow.ServiceNowSource.TableRecord;
import dev.rampart.adaptersupport.http.BaseUrl;
import dev.rampart.adaptersupport.http.Item;
import dev.rampart.adaptersupport.http.LifecycleMap;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps configuration items onto the fact model: a vendor per manufacturer (a core_company record)
 * and a device per CI, with its owner from sys_user and its model from cmdb_model. What the CMDB
 * does not say stays unknown; {@code docs/adapters/servicenow.md} has the tables.
 *
 * <p>A CI it cannot read (a status code nobody mapped, a value the fact model refuses, no sys_id) is
 * handed to the sink as a skipped record with its page, its index and its id, and the others are read.
 */
final class ServiceNowFacts {

  static final List<String> COMPANY_FIELDS = List.of("sys_id", "name");
  static final List<String> USER_FIELDS = List.of("sys_id", "user_name", "name");
  static final List<String> MODEL_FIELDS = List.of("sys_id", "name", "display_name");
  static final List<String> LOCATION_FIELDS = List.of("sys_id", "full_name", "name");

  private static final List<LifecycleStatus> OUT_OF_SERVICE_FIRST = List.of(
      LifecycleStatus.RETIRED, LifecycleStatus.MAINTENANCE, LifecycleStatus.PLANNED, LifecycleStatus.ACTIVE);
  private static final Pattern CODE = Pattern.compile("-?\\d+");
  private static final Pattern OFFSET = Pattern.compile("(?:^|&)sysparm_offset=(\\d+)");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  private final ServiceNowSettings settings;
  private final References references;
  private final FactSink sink;
  // the vendor id of each core_company read, or none when it could not be read
  private final Map<String, Optional<String>> vendorOfCompany = new HashMap<>();
  // the device id of each CI by its sys_id, as the option deviceIds says
  private final Map<String, String> idOfCi = new HashMap<>();

  ServiceNowFacts(ServiceNowSettings settings, References references, FactSink sink) {
    this.settings = settings;
    this.references = references;
    this.sink = sink;
  }

  /** Hands every fact and every skipped record to the sink. */
  void emit(List<TableRecord> records) throws SourceException {
    deviceIds(records);
    Set<String> vendors = new HashSet<>();
    for (TableRecord record : records) {
      String company = Json.reference(record.item().json(), "manufacturer");
      if (company != null && !vendorOfCompany.containsKey(company)) {
        vendorOfCompany.put(company, emitVendor(company, vendors));
      }
    }
    for (TableRecord record : records) {
      emitDevice(record);
    }
  }

  private Optional<String> emitVendor(String sysId, Set<String> vendors) throws SourceException {
    Optional<Item> company = references.get("core_company", sysId, COMPANY_FIELDS);
    if (company.isEmpty()) {
      return Optional.empty();
    }
    String name = Json.text(company.get().json(), "name");
    String id = name == null || slug(name).isEmpty() ? ServiceNowProvider.ID + "-" + sysId : slug(name);
    if (vendors.add(id)) {
      sink.accept(Vendor.builder(id).name(name).build(), origin("core_company", sysId, company.get().collectedAt()));
    }
    return Optional.of(id);
  }

  private void emitDevice(TableRecord record) throws SourceException {
    Item item = record.item();
    JsonNode json = item.json();
    String name = Json.text(json, "name");
    if (!json.isObject()) {
      skip(item, null, null, List.of("is " + json + ", not a record (the Table API never sends this: check any proxy in"
          + " front of the instance)"));
      return;
    }
    String sysId = Json.text(json, "sys_id");
    if (!Json.isSysId(sysId)) {
      skip(item, null, name, List.of((sysId == null ? "has no sys_id" : "sys_id '" + sysId + "' is not a sys_id")
          + " (check that the user may read the sys_id field, and that no proxy changes the answers)"));
      return;
    }
    String id = idOfCi.get(sysId);
    Origin origin = origin(record.table(), sysId, item.collectedAt());

    List<String> problems = new ArrayList<>();
    LifecycleStatus status = status(json, problems);
    LocalDate endOfSupport = date(Json.text(json, settings.endOfSupportField()), problems);
    if (!problems.isEmpty()) {
      skip(item, origin, id, problems);
      return;
    }
    String company = Json.reference(json, "manufacturer");
    String firmware = Json.text(json, settings.firmwareField());
    String ip = Json.text(json, "ip_address");
    Device device;
    try {
      device = Device.builder(id)
          .name(name)
          .model(model(json))
          .serialNumber(Json.text(json, "serial_number"))
          .macAddress(Json.text(json, "mac_address"))
          .ipAddresses(ip == null ? null : List.of(ip))
          .vendorId(company == null ? null : vendorOfCompany.getOrDefault(company, Optional.empty()).orElse(null))
          .owner(owner(json))
          .firmware(firmware == null ? null : new Firmware(firmware, null, null, null))
          .lifecycle(status == null && endOfSupport == null ? null : new Lifecycle(status, endOfSupport, null))
          .attributes(attributes(json, sysId))
          .build();
    } catch (InvalidFactException e) {
      skip(item, origin, id, List.of(e.pathText() + " " + e.what() + " (" + e.fix() + "; correct the value in the CMDB)"));
      return;
    }
    sink.accept(device, origin);
  }

  /**
   * The device id of every CI with a sys_id: its name where no other CI read has it, else
   * {@code name@<sys_id>}; {@code servicenow-<sys_id>} without a name or with {@code deviceIds=sys-id}.
   */
  private void deviceIds(List<TableRecord> records) {
    Map<String, Integer> names = new HashMap<>();
    for (TableRecord record : records) {
      String name = Json.text(record.item().json(), "name");
      if (name != null && Json.isSysId(Json.text(record.item().json(), "sys_id"))) {
        names.merge(name, 1, Integer::sum);
      }
    }
    for (TableRecord record : records) {
      String sysId = Json.text(record.item().json(), "sys_id");
      String name = Json.text(record.item().json(), "name");
      if (Json.isSysId(sysId)) {
        idOfCi.put(sysId, name == null || settings.deviceIds() == ServiceNowSettings.DeviceIds.SYS_ID
            ? ServiceNowProvider.ID + "-" + sysId
            : names.get(name) > 1 ? name + "@" + sysId : name);
      }
    }
  }

  /**
   * The lifecycle status of {@code install_status} and {@code operational_status} together: where both
   * say one, the one further out of service wins (retired, then maintenance, then planned, then
   * active), so that an installed CI whose operational status is Retired is retired; where only one
   * says one, that one. A code that is none of ServiceNow's and not mapped by an option is a problem.
   */
  private @Nullable LifecycleStatus status(JsonNode json, List<String> problems) {
    LifecycleStatus installed = status(json, "install_status", settings.statuses(), ServiceNowProvider.INSTALL_STATUS_MAP,
        problems);
    LifecycleStatus operational = status(json, "operational_status", settings.operationalStatuses(),
        ServiceNowProvider.OPERATIONAL_STATUS_MAP, problems);
    if (installed == null || operational == null) {
      return installed != null ? installed : operational;
    }
    return OUT_OF_SERVICE_FIRST.indexOf(installed) <= OUT_OF_SERVICE_FIRST.indexOf(operational) ? installed : operational;
  }

  private static @Nullable LifecycleStatus status(JsonNode json, String field, LifecycleMap statuses, String option,
      List<String> problems) {
    String code = Json.text(json, field);
    if (code == null) {
      return null;
    }
    if (!CODE.matcher(code).matches()) {
      // an instance answers with labels only when something rewrites sysparm_display_value=false
      problems.add(field + " '" + code + "' is a label, not one of ServiceNow's codes: the answer holds display values"
          + " instead of stored ones (check that no proxy or scripted REST API changes the request's"
          + " sysparm_display_value=false; stored codes are numbers, such as 1 for Installed)");
      return null;
    }
    if (!statuses.knows(code)) {
      problems.add(field + " '" + code + "' is none of ServiceNow's codes (map it with the source option " + option
          + ", e.g. " + option + "=" + code + ":retired, to one of planned, active, maintenance, retired or unknown)");
      return null;
    }
    return statuses.status(code);
  }

  /** Hands the sink a CI it could not read, each problem prefixed by its page, index and identity. */
  private void skip(Item item, @Nullable Origin origin, @Nullable String id, List<String> whats) throws SourceException {
    JsonNode json = item.json();
    List<String> identity = new ArrayList<>();
    String sysId = Json.text(json, "sys_id");
    if (sysId != null) {
      identity.add("sys_id '" + sysId + "'");
    }
    if (Json.text(json, "name") != null) {
      identity.add("name '" + Json.text(json, "name") + "'");
    }
    // the page's whole query would bury the record: the table and the page's offset name it
    Matcher offset = OFFSET.matcher(item.answer().getRawQuery() == null ? "" : item.answer().getRawQuery());
    String page = BaseUrl.display(item.answer().toString()) + (offset.find() ? " (sysparm_offset " + offset.group(1) + ")" : "");
    String place = page + ": " + item.member() + (identity.isEmpty() ? "" : " (" + String.join(", ", identity) + ")");
    List<String> problems = whats.stream().map(what -> place + ": " + what).toList();
    Origin at = origin != null ? origin
        : Origin.of(ServiceNowProvider.ID, BaseUrl.display(item.answer().toString())).collectedAt(item.collectedAt());
    sink.skipped(id == null ? SkippedRecord.unidentified(at, problems) : SkippedRecord.of(at, FactType.DEVICE, id, problems));
  }

  /** The name of the cmdb_model the CI references, else its model_number. */
  private @Nullable String model(JsonNode json) throws SourceException {
    String model = Json.reference(json, "model_id");
    if (model != null) {
      Optional<Item> record = references.get("cmdb_model", model, MODEL_FIELDS);
      if (record.isPresent()) {
        String name = Json.text(record.get().json(), "name");
        return name != null ? name : Json.text(record.get().json(), "display_name");
      }
    }
    return Json.text(json, "model_number");
  }

  /** The user name of the first owner field that is set: a reference to sys_user, or plain text. */
  private @Nullable String owner(JsonNode json) throws SourceException {
    for (String field : settings.ownerFields()) {
      String user = Json.reference(json, field);
      if (user != null) {
        Optional<Item> record = references.get("sys_user", user, USER_FIELDS);
        if (record.isPresent()) {
          String userName = Json.text(record.get().json(), "user_name");
          return userName != null ? userName : Json.text(record.get().json(), "name");
        }
      } else if (!json.path(field).isObject() && Json.text(json, field) != null) {
        return Json.text(json, field);
      }
    }
    return null;
  }

  private Map<String, Object> attributes(JsonNode json, String sysId) throws SourceException {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("sysId", sysId);
    putIfKnown(attributes, "class", Json.text(json, "sys_class_name"));
    putIfKnown(attributes, "assetTag", Json.text(json, "asset_tag"));
    String location = Json.reference(json, "location");
    if (location != null) {
      Optional<Item> record = references.get("cmn_location", location, LOCATION_FIELDS);
      if (record.isPresent()) {
        String fullName = Json.text(record.get().json(), "full_name");
        putIfKnown(attributes, "location", fullName != null ? fullName : Json.text(record.get().json(), "name"));
      }
    }
    return attributes;
  }

  /** A date field ({@code 2027-06-30}), or a date-time one ({@code 2027-06-30 00:00:00}), by its date. */
  private @Nullable LocalDate date(@Nullable String text, List<String> problems) {
    if (text == null) {
      return null;
    }
    try {
      boolean dateTime = text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 'T');
      return LocalDate.parse(dateTime ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("field '" + settings.endOfSupportField() + "' is '" + text + "', not a date"
          + " (write it as YYYY-MM-DD, or make it a field of type Date)");
      return null;
    }
  }

  /** {@code Axis Communications} is {@code axis-communications}, as NetBox would slug it. */
  private static String slug(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    return NOT_SLUG.matcher(plain).replaceAll("-").replaceAll("^-+|-+$", "");
  }

  private static void putIfKnown(Map<String, Object> attributes, String key, @Nullable String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }

  private Origin origin(String table, String sysId, Instant collectedAt) {
    return Origin.of(ServiceNowProvider.ID, settings.base() + "/api/now/table/" + table + "/" + sysId).collectedAt(collectedAt);
  }
}
