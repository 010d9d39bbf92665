package dev.rampart.adapter.azureiothub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks an export token by token: the top-level list, then one device entry at a time, so that an
 * export of a million devices never has to fit in memory. Each entry is a record of its own: one
 * the adapter cannot read is handed to the sink as skipped, with its place, and the others are read.
 */
final class ExportReader {

  static final String EXPORT = "az iot hub device-identity list --hub-name HUB -o json > FILE";

  private final String file;
  private final JsonParser parser;
  private final TwinMapping mapping;
  private final SourceProblems problems;
  private final @Nullable Instant exportedAt;
  private final Map<String, TextPosition> seen = new HashMap<>();

  ExportReader(String file, JsonParser parser, TwinMapping mapping, SourceProblems problems, @Nullable Instant exportedAt) {
    this.file = file;
    this.parser = parser;
    this.mapping = mapping;
    this.problems = problems;
    this.exportedAt = exportedAt;
  }

  /**
   * @throws SourceException when the sink refuses a skipped record (a strict read)
   * @throws IOException when the file is not JSON, which the caller explains
   */
  void read(FactSink sink) throws IOException, SourceException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      problems.add(null, "", "the file is empty", "export the devices with '" + EXPORT + "'");
      return;
    }
    if (first == JsonToken.START_OBJECT) {
      // One entry on its own, as 'az iot hub device-identity show' or 'device-twin show' write it.
      entry(Json.read(parser), "", sink);
    } else if (first == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        entry(Json.read(parser), "[" + index + "]", sink);
        index++;
      }
      if (index == 0) {
        problems.add(null, "", "the export is an empty list: it names no device",
            "check the hub name and that the identity that exported it may read the hub's registry; a hub without"
                + " devices has nothing to evaluate, so leave this source out");
        return;
      }
    } else {
      problems.add(Json.positionOf(parser.currentTokenLocation()), "",
          "expected a list of devices but found " + Json.read(parser).describe(),
          "export the devices with '" + EXPORT + "'");
      return;
    }
    if (!problems.isFull() && parser.nextToken() != null) {
      problems.add(Json.positionOf(parser.currentTokenLocation()), "", "there is more after the end of the list",
          "an export holds one JSON list; export into an empty file");
    }
  }

  private void entry(Json value, String index, FactSink sink) throws SourceException {
    Origin origin = new Origin(AzureIotHubProvider.ID, file, value.at().line(), value.at().column(), exportedAt);
    SourceProblems record = new SourceProblems(file);
    if (!(value instanceof Json.Members entry)) {
      record.add(value.at(), index, "expected a device twin (a JSON object) but found " + value.describe(),
          "an export is a list of device objects; export with '" + EXPORT + "'");
      sink.skipped(SkippedRecord.unidentified(origin, record.inFileOrder()));
      return;
    }
    String id = TwinMapping.deviceId(entry);
    Device device = mapping.device(entry, index, record);
    if (device != null) {
      TextPosition first = seen.putIfAbsent(device.id(), entry.at());
      if (first == null) {
        sink.accept(device, origin);
        return;
      }
      record.add(entry.at(), TwinMapping.place(index, id), "deviceId '" + device.id() + "' appears again (first at "
          + first + ")", "export each hub once per file, and give each hub its own source");
    }
    sink.skipped(id == null ? SkippedRecord.unidentified(origin, record.inFileOrder())
        : SkippedRecord.of(origin, FactType.DEVICE, id, record.inFileOrder()));
  }
}
