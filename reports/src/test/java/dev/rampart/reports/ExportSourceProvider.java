package dev.rampart.reports;

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
 * A source of device exports for the report tests, which reads part of what it holds as real
 * adapters do on real data. {@code export:twins.json} hands on cam-07, skips cam-03 (a status no
 * vocabulary knows) and a record that is no object, and warns that it could not read cam-07's
 * tags; {@code export:gone.json} cannot be read at all; {@code export:hostile.json} skips a record
 * whose id and problem are markup and terminal escapes.
 */
final class ExportSourceProvider implements FactSourceProvider {

  static final String TWINS = "twins.json";
  static final String GONE = "gone.json";
  static final String HOSTILE = "hostile.json";
  static final String HOSTILE_ID = "<script>alert(1)</script>";

  @Override
  public String id() {
    return "export";
  }

  @Override
  public FactSource create(SourceConfig config) {
    String file = config.location();
    return new FactSource() {
      @Override
      public void read(FactSink sink) throws SourceException {
        switch (file) {
          case GONE -> throw new SourceException(file + ": no such file (check the path)");
          case HOSTILE -> sink.skipped(SkippedRecord.of(new Origin("export", file, 2, 3), FactType.DEVICE, HOSTILE_ID,
              List.of(file + ":2:3: devices[0] (id '" + HOSTILE_ID + "'): status '<img src=x onerror=alert(2)>\u001B[31m'"
                  + " is not a status (write enabled or disabled)")));
          default -> {
            sink.accept(Device.builder("cam-07").owner("facilities").build(), new Origin("export", file, 2, 3));
            sink.skipped(SkippedRecord.of(new Origin("export", file, 9, 3), FactType.DEVICE, "cam-03", List.of(
                file + ":9:3: devices[1] (id 'cam-03'): status 'sideways' is not a status (write enabled or disabled)")));
            sink.skipped(SkippedRecord.unidentified(new Origin("export", file, 14, 3),
                List.of(file + ":14:3: devices[2]: not an object (write each device as a JSON object)")));
            sink.problem(describe() + ": device 'cam-07': its tags were refused (403); they stay unknown"
                + " (grant the reader the tags permission)");
          }
        }
      }

      @Override
      public String describe() {
        return "export:" + file;
      }
    };
  }
}
