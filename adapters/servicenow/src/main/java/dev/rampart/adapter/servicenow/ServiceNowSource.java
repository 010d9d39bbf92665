package dev.rampart.adapter.servicenow;

import dev.rampart.adaptersupport.http.Item;
import dev.rampart.adaptersupport.http.JsonClient;
import dev.rampart.adaptersupport.http.WebApiEnvironment;
import dev.rampart.adaptersupport.http.WebApiSource;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The CMDB of one ServiceNow instance, read as vendors (manufacturers) and devices (configuration items). */
final class ServiceNowSource extends WebApiSource<ServiceNowSettings> {

  ServiceNowSource(ServiceNowSettings settings, WebApiEnvironment environment) {
    super(ServiceNowProvider.ID, settings, environment);
  }

  /**
   * Reads every configured table, resolves manufacturers, owners, models and locations, then hands
   * vendors and devices to the sink, and each record it cannot read as a skipped record.
   */
  @Override
  protected List<String> emit(ServiceNowSettings settings, JsonClient.Builder client, FactSink sink)
      throws SourceException {
    ServiceNowApi api = new ServiceNowApi(settings, client);
    List<TableRecord> records = new ArrayList<>();
    // A CI read through a parent table and again through its own class is one device.
    Set<String> seen = new HashSet<>();
    for (String table : settings.tables()) {
      for (Item item : api.list(table)) {
        String sysId = Json.text(item.json(), "sys_id");
        if (sysId == null || seen.add(sysId)) {
          records.add(new TableRecord(table, item));
        }
      }
    }
    new ServiceNowFacts(settings, new References(api), sink).emit(records);
    return List.of();
  }

  /**
   * A configuration item and the table it was read from.
   *
   * @param table the table
   * @param item the record
   */
  record TableRecord(String table, Item item) {}
}
