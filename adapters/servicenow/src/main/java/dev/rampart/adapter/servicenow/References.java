package dev.rampart.adapter.servicenow;

import dev.rampart.adaptersupport.http.Item;
import dev.rampart.spi.source.SourceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The records that reference fields point to, each read once however many records share it. */
final class References {

  private final ServiceNowApi api;
  private final Map<String, Optional<Item>> read = new HashMap<>();

  References(ServiceNowApi api) {
    this.api = api;
  }

  /** The record, or empty when the instance has no such record or does not let this user see it. */
  Optional<Item> get(String table, String sysId, List<String> fields) throws SourceException {
    String key = table + "/" + sysId;
    Optional<Item> known = read.get(key);
    if (known == null) {
      known = api.record(table, sysId, fields);
      read.put(key, known);
    }
    return known;
  }
}
