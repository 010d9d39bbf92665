package dev.rampart.spark;

import dev.rampart.adapter.inventory.InventoryFileSource;
import dev.rampart.sources.merge.DevicePresence;
import dev.rampart.sources.merge.SourcedFact;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;

/**
 * Binds rows, written as the inventory format's JSON ({@link RowJson}), to facts through the
 * inventory adapter itself, so that a table's values are checked and canonicalised exactly as an
 * inventory file's are: a chunk of rows is read as one inventory, one element a line, and a row the
 * adapter skips becomes an error row naming the table, the row and the column.
 */
final class RowFacts {

  /** Rows bound at once: one inventory read each. */
  static final int CHUNK = 2_000;

  private RowFacts() {}

  /** A row as JSON, with where it is in its table: its partition and its position there. */
  record PlacedJson(int partition, int row, String json) implements Serializable {

    private static final long serialVersionUID = 1L;
    static final java.util.Comparator<PlacedJson> TABLE_ORDER =
        java.util.Comparator.comparingInt(PlacedJson::partition).thenComparingInt(PlacedJson::row);

    /** Where the row is, as messages name it, e.g. {@code partition 3, row 17}. */
    String place() {
      return "partition " + partition + ", row " + row;
    }
  }

  /** The facts the rows gave, each with its row, and an error row (of {@link ResultColumns#ERRORS}) for each problem of a row that gave none. */
  record Bound(List<Fact> facts, List<PlacedJson> rows, List<Row> errors) {}

  static Bound bind(FactType type, List<PlacedJson> rows) {
    List<Fact> facts = new ArrayList<>();
    List<PlacedJson> factRows = new ArrayList<>();
    List<Row> errors = new ArrayList<>();
    for (int start = 0; start < rows.size(); start += CHUNK) {
      bindChunk(type, rows.subList(start, Math.min(rows.size(), start + CHUNK)), facts, factRows, errors);
    }
    return new Bound(facts, factRows, errors);
  }

  private static void bindChunk(
      FactType type, List<PlacedJson> rows, List<Fact> facts, List<PlacedJson> factRows, List<Row> errors) {
    if (type == FactType.DEPLOYMENT && rows.size() > 1) {
      // the format holds one deployment object, not a list: each row is read on its own
      rows.forEach(row -> bindChunk(type, List.of(row), facts, factRows, errors));
      return;
    }
    Path directory = null;
    try {
      directory = Files.createTempDirectory("rampart-rows-");
      Path file = directory.resolve(section(type) + ".json");
      Files.writeString(file, document(type, rows), StandardCharsets.UTF_8);
      List<Fact> read = new ArrayList<>();
      List<PlacedJson> readRows = new ArrayList<>();
      List<Row> skipped = new ArrayList<>();
      String location = file.toString();
      try {
        InventoryFileSource.of(file).read(new FactSink() {
          @Override
          public void accept(Fact fact, Origin origin) {
            read.add(asRecorded(fact, origin));
            readRows.add(row(rows, origin));
          }

          @Override
          public void skipped(SkippedRecord record) {
            PlacedJson row = row(rows, record.origin());
            for (String problem : record.problems()) {
              // a duplicate id is reported across the whole table, by the evaluation, not per chunk
              if (!problem.contains("(first defined at " + location + ":")) {
                skipped.add(error(type, record.factId(), row.place(), problem, location));
              }
            }
          }
        });
      } catch (SourceException e) {
        // a problem of the whole document (a limit of the format): find the rows at fault one by one
        if (rows.size() > 1) {
          rows.forEach(row -> bindChunk(type, List.of(row), facts, factRows, errors));
        } else {
          e.problems().forEach(problem -> errors.add(error(type, null, rows.get(0).place(), problem, location)));
        }
        return;
      }
      facts.addAll(read);
      factRows.addAll(readRows);
      errors.addAll(skipped);
    } catch (IOException e) {
      throw new UncheckedIOException("rows cannot be written to a temporary file to be read (give the executors a"
          + " writable java.io.tmpdir)", e);
    } finally {
      deleteQuietly(directory);
    }
  }

  /**
   * The fact as the CLI's inventory read gives it: fact tables are the system of record, so each of
   * their devices is recorded by it (what {@code rampart evaluate} sets on the devices of an
   * inventory file, through the same {@link DevicePresence}).
   */
  private static Fact asRecorded(Fact fact, Origin origin) {
    return DevicePresence.stamp(fact, List.of(new SourcedFact(fact, origin, SourceRole.SYSTEM_OF_RECORD)), true);
  }

  /** The row an element starts on: the document's first line opens the section, and each row is one line. */
  private static PlacedJson row(List<PlacedJson> rows, Origin origin) {
    return rows.get(Math.max(0, Math.min(rows.size() - 1, origin.line() - 2)));
  }

  private static String document(FactType type, List<PlacedJson> rows) {
    StringBuilder text = new StringBuilder();
    if (type == FactType.DEPLOYMENT) {
      return text.append("{\"deployment\":\n").append(rows.get(0).json()).append("\n}\n").toString();
    }
    text.append("{\"").append(section(type)).append("\":[\n");
    for (int i = 0; i < rows.size(); i++) {
      text.append(rows.get(i).json()).append(i + 1 < rows.size() ? ",\n" : "\n");
    }
    return text.append("]}\n").toString();
  }

  static String section(FactType type) {
    return type == FactType.DEPLOYMENT ? "deployment" : type.wireName() + "s";
  }

  /**
   * An error row from one of the adapter's problem lines ({@code FILE:LINE:COLUMN: PLACE: WHAT (FIX)}),
   * the temporary file's place replaced by the row's and the field inside the element as the column.
   */
  private static Row error(FactType type, @Nullable String factId, String place, String problem, String location) {
    String text = problem.startsWith(location + ":") ? problem.substring(location.length() + 1) : problem;
    text = text.replaceFirst("^\\d+:\\d+: ", "");
    String column = null;
    String section = section(type);
    if (text.startsWith(section)) {
      int end = text.indexOf(": ");
      if (end > 0) {
        String element = text.substring(0, end);
        text = text.substring(end + 2);
        column = columnOf(element, section);
      }
    }
    String message = section + " table, " + place + (factId == null ? "" : " (id '" + factId + "')")
        + (column == null ? "" : ", column '" + column + "'") + ": " + text;
    return RowFactory.create(section, factId, place, column, message);
  }

  /** The error of a row whose id an earlier row of its table has. */
  static Row duplicate(FactType type, String id, String place, String first) {
    String section = section(type);
    return RowFactory.create(section, id, place, "id", section + " table, " + place + " (id '" + id + "'), column 'id': "
        + "duplicate " + type.wireName() + " id '" + id + "' (first in " + first + "); give each " + type.wireName()
        + " its own id");
  }

  /** The field inside an element place such as {@code devices[3] (id 'cam-03').firmware.version}. */
  private static @Nullable String columnOf(String element, String section) {
    String rest = element.substring(section.length()).replaceFirst("^\\[\\d+]", "");
    if (rest.startsWith(" (id '")) {
      int close = rest.lastIndexOf("')");
      rest = close < 0 ? "" : rest.substring(close + 2);
    }
    rest = rest.startsWith(".") ? rest.substring(1) : rest;
    return rest.isEmpty() ? null : rest;
  }

  private static void deleteQuietly(@Nullable Path directory) {
    if (directory == null) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      directory.toFile().deleteOnExit();
    }
  }
}
