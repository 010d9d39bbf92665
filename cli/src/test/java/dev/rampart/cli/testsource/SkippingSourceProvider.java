package dev.rampart.cli.testsource;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;

/**
 * A fact source, on the test class path only, that cannot read some of its records, as an export
 * with a malformed twin: {@code skipping:twins.json} hands on device cam-01 (with its owner) and
 * skips cam-02 (a status no vocabulary knows) and a third record that is not an object;
 * {@code skipping:garbage.json} skips its one record, which has no id; {@code skipping:hostile.json} skips
 * one whose id holds terminal control characters.
 */
public final class SkippingSourceProvider implements FactSourceProvider {

  @Override
  public String id() {
    return "skipping";
  }

  @Override
  public FactSource create(SourceConfig config) {
    String file = config.location();
    return new FactSource() {
      @Override
      public void read(FactSink sink) throws SourceException {
        if (file.equals("hostile.json")) {
          String id = "cam-\u001b]0;owned\u0007";
          sink.skipped(SkippedRecord.of(new Origin("skipping", file, 3, 5), FactType.DEVICE, id,
              List.of(file + ":3:5: devices[0] (id '" + id + "'): no status (write enabled or disabled)")));
          return;
        }
        if (!file.equals("garbage.json")) {
          sink.accept(Device.builder("cam-01").owner("facilities").build(), new Origin("skipping", file, 2, 5));
          sink.skipped(SkippedRecord.of(new Origin("skipping", file, 9, 5), FactType.DEVICE, "cam-02", List.of(
              file + ":11:17: devices[1] (id 'cam-02'): status 'sideways' is not a status (write enabled or disabled)")));
        }
        sink.skipped(SkippedRecord.unidentified(new Origin("skipping", file, 14, 5),
            List.of(file + ":14:5: devices[2]: not an object (write each twin as a JSON object)")));
      }

      @Override
      public String describe() {
        return "skipping:" + file;
      }
    };
  }
}
