package dev.rampart.sparkjob;

import dev.rampart.generator.FleetTables;
import dev.rampart.spark.FactTables;
import dev.rampart.spi.fact.FactType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;

/**
 * A fleet's tables in a directory (local, HDFS, S3, anything Hadoop reads): a subdirectory per fact
 * type named as the inventory format names its lists ({@code devices/}, {@code networks/},
 * {@code vendors/}, {@code deployment/}), of Parquet files or JSON-lines files. A subdirectory left
 * out, or holding no file, is a table of no facts.
 */
final class TableDirectory {

  /** The subdirectory of each fact type. */
  static final Map<FactType, String> NAMES = Map.of(
      FactType.DEVICE, FleetTables.DEVICES,
      FactType.NETWORK, FleetTables.NETWORKS,
      FactType.VENDOR, FleetTables.VENDORS,
      FactType.DEPLOYMENT, FleetTables.DEPLOYMENT);

  /** The order tables are read and named in messages. */
  static final List<FactType> ORDER = List.of(FactType.DEVICE, FactType.NETWORK, FactType.VENDOR, FactType.DEPLOYMENT);

  private static final String CORRUPT = "_rampart_unreadable_line";
  private static final int QUOTED = 80;

  private TableDirectory() {}

  /** Reads the tables under {@code location}, or throws every problem found. */
  static FactTables read(SparkSession spark, String location) throws JobInputException {
    List<String> problems = new ArrayList<>();
    FactTables.Builder tables = FactTables.builder();
    try {
      Path root = new Path(location);
      FileSystem files = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!files.exists(root) || !files.getFileStatus(root).isDirectory()) {
        throw new JobInputException("--tables '" + location + "' " + (files.exists(root) ? "is a file" : "does not exist")
            + ": name the directory that holds " + expected()
            + " (rampart generate --layout tables writes one)");
      }
      int found = 0;
      for (FactType type : ORDER) {
        Path directory = new Path(root, NAMES.get(type));
        if (!files.exists(directory)) {
          continue;
        }
        found++;
        Dataset<Row> table = table(spark, files, directory, location, problems);
        if (table != null) {
          tables.table(type, table);
        }
      }
      if (found == 0) {
        problems.add("--tables '" + location + "' holds none of " + expected() + ": name the directory of the tables"
            + " (rampart generate --layout tables writes one)");
      }
    } catch (IOException e) {
      problems.add("--tables '" + location + "' cannot be read: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new JobInputException(problems);
    }
    return tables.build();
  }

  private static String expected() {
    return String.join(", ", ORDER.stream().map(type -> NAMES.get(type) + "/").toList());
  }

  private static @Nullable Dataset<Row> table(
      SparkSession spark, FileSystem files, Path directory, String location, List<String> problems) throws IOException {
    String name = directory.getName() + "/";
    Set<String> formats = new TreeSet<>();
    List<String> others = new ArrayList<>();
    for (FileStatus file : files.listStatus(directory)) {
      String fileName = file.getPath().getName();
      // Spark's and Hadoop's own files: _SUCCESS, .part-00000.crc
      if (fileName.startsWith("_") || fileName.startsWith(".") || file.isDirectory()) {
        continue;
      }
      String plain = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|snappy|zst)$", "");
      if (plain.endsWith(".parquet")) {
        formats.add("Parquet");
      } else if (plain.endsWith(".jsonl") || plain.endsWith(".json") || plain.endsWith(".ndjson")) {
        formats.add("JSON lines");
      } else {
        others.add(fileName);
      }
    }
    if (!others.isEmpty()) {
      problems.add("--tables '" + location + "': " + name + " holds " + quoted(others) + ", neither Parquet (.parquet)"
          + " nor JSON lines (.jsonl, .json): keep only the table's files in it");
      return null;
    }
    if (formats.size() > 1) {
      problems.add("--tables '" + location + "': " + name + " holds both Parquet and JSON-lines files: keep one"
          + " format per table");
      return null;
    }
    if (formats.isEmpty()) {
      return null;
    }
    String path = directory.toString();
    try {
      if (formats.contains("Parquet")) {
        return spark.read().parquet(path);
      }
      Dataset<Row> table = spark.read().option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
          .json(path);
      if (Arrays.asList(table.columns()).contains(CORRUPT)) {
        unreadableLines(table, name, location, problems);
        return null;
      }
      return table.columns().length == 0 ? null : table;
    } catch (RuntimeException e) {
      // Spark's AnalysisException and SparkException for a file that is not what its name says
      problems.add("--tables '" + location + "': " + name + " cannot be read: " + firstLine(e.getMessage()));
      return null;
    }
  }

  /** Names the first lines that are not JSON objects, with their files; a cached copy, as Spark requires. */
  private static void unreadableLines(Dataset<Row> table, String name, String location, List<String> problems) {
    Dataset<Row> cached = table.withColumn("_rampart_file", functions.input_file_name()).cache();
    List<Row> bad = cached.filter(functions.col(CORRUPT).isNotNull()).select("_rampart_file", CORRUPT).limit(5)
        .collectAsList();
    long count = cached.filter(functions.col(CORRUPT).isNotNull()).count();
    cached.unpersist();
    for (Row row : bad) {
      String file = row.getString(0);
      String line = row.getString(1);
      problems.add("--tables '" + location + "': " + name + file.substring(file.lastIndexOf('/') + 1)
          + ": a line is not a JSON object: '" + (line.length() > QUOTED ? line.substring(0, QUOTED) + "..." : line)
          + "': write one fact per line as a JSON object");
    }
    if (count > bad.size()) {
      problems.add("--tables '" + location + "': " + name + " has " + (count - bad.size()) + " more such lines");
    }
  }

  private static String quoted(List<String> names) {
    List<String> shown = names.stream().sorted().limit(3).map(n -> "'" + n + "'").toList();
    return String.join(", ", shown) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
  }

  static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
