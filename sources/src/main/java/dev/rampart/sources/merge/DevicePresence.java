package dev.rampart.sources.merge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Presence;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A merged device's {@link Presence}: which systems of record list it and which discovery sources saw
 * it. A device is unmanaged ({@code recorded} false) only when the run read its systems of record
 * whole and none lists the device; when none was read, or one failed, whether the device is recorded
 * is unknown, since the record that would list it is missing.
 */
@API(status = INTERNAL, since = "0.1")
public final class DevicePresence {

  private static final FieldPath PRESENCE = FieldPath.root().field("presence");

  private DevicePresence() {}

  /**
   * The presence of a device merged from the given records.
   *
   * @param records the records of every source merged into the device
   * @param recordsRead whether the run read systems of record, at least one, and none failed
   */
  public static Presence of(List<SourcedFact> records, boolean recordsRead) {
    List<String> recordedBy = new ArrayList<>();
    List<String> discoveredBy = new ArrayList<>();
    for (SourcedFact record : records) {
      switch (record.role()) {
        case SYSTEM_OF_RECORD -> recordedBy.add(record.origin().describe());
        case DISCOVERY -> discoveredBy.add(record.origin().describe());
        case DESCRIPTION -> { }
      }
    }
    Boolean recorded = !recordedBy.isEmpty() ? Boolean.TRUE
        : recordsRead && !discoveredBy.isEmpty() ? Boolean.FALSE
        : null;
    return new Presence(recorded, recordedBy, discoveredBy);
  }

  /** The fact with its presence set from its records, if it is a device; other facts as they are. */
  public static Fact stamp(Fact fact, List<SourcedFact> records, boolean recordsRead) {
    return fact instanceof Device device ? device.toBuilder().presence(of(records, recordsRead)).build() : fact;
  }

  /** The fact without the presence a source wrote, which the merge replaces; other facts as they are. */
  static SourcedFact withoutPresence(SourcedFact record) {
    return record.fact() instanceof Device device && device.presence() != null
        ? new SourcedFact(device.toBuilder().presence(null).build(), record.origin(), record.role())
        : record;
  }

  /**
   * Attributes the presence to the record that decides it: the first system of record that lists the
   * device, else the first discovery source that saw it.
   */
  static void originOf(List<SourcedFact> records, Map<FieldPath, Origin> into) {
    if (records.isEmpty() || !(records.get(0).fact() instanceof Device)) {
      return;
    }
    @Nullable Origin decisive = first(records, SourceRole.SYSTEM_OF_RECORD);
    if (decisive == null) {
      decisive = first(records, SourceRole.DISCOVERY);
    }
    if (decisive != null) {
      for (String field : List.of("recorded", "recordedBy", "discoveredBy")) {
        into.put(PRESENCE.field(field), decisive);
      }
    }
  }

  private static @Nullable Origin first(List<SourcedFact> records, SourceRole role) {
    return records.stream().filter(record -> record.role() == role).map(SourcedFact::origin).findFirst().orElse(null);
  }
}
