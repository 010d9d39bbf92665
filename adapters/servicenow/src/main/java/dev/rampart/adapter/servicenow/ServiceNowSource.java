package dev.rampart.adapter.servicenow;

import dev.rampart.adaptersupport.http.Item;
import dev.rampart.adaptersupport.http.Sleeper;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The CMDB of one ServiceNow instance, read as vendors (manufacturers) and devices (configuration items). */
final class ServiceNowSource implements FactSource {

  private final ServiceNowSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;

  ServiceNowSource(ServiceNowSettings settings, Sleeper sleeper, Clock clock) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Reads every configured table, resolves manufacturers, owners, models and locations, then hands
   * vendors and devices to the sink; each fact's origin is the record's API URL and the time the
   * instance sent it.
   *
   * @throws SourceException when the instance cannot be read (naming the URL, the HTTP status and the
   *     fix), or with every invalid value found; facts already handed to the sink must then be discarded
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    Objects.requireNonNull(sink, "sink");
    ServiceNowApi api = new ServiceNowApi(settings, sleeper, clock);
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
    List<String> problems = new ServiceNowFacts(settings, new References(api), sink).emit(records);
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
  }

  @Override
  public String describe() {
    return ServiceNowProvider.ID + ":" + settings.base();
  }

  /**
   * A configuration item and the table it was read from.
   *
   * @param table the table
   * @param item the record
   */
  record TableRecord(String table, Item item) {}
}
