package dev.rampart.sparkjob;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Severity;
import dev.rampart.reports.Gate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The job's output directory: {@code results/} (JSON lines or Parquet) and {@code summary.json}. It
 * must not exist or be empty, and a run that fails while writing removes what it wrote.
 */
final class ResultFiles {

  /** How {@code results/} is written. */
  enum Format {
    jsonl,
    parquet
  }

  static final String RESULTS = "results";
  static final String SUMMARY = "summary.json";

  private final FileSystem files;
  private final Path root;
  private final String location;
  private final Format format;

  private ResultFiles(FileSystem files, Path root, String location, Format format) {
    this.files = files;
    this.root = root;
    this.location = location;
    this.format = format;
  }

  /** The output directory, if it can be written: absent or empty. */
  static ResultFiles at(SparkSession spark, String location, Format format) throws JobInputException {
    try {
      Path root = new Path(location);
      FileSystem files = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (files.exists(root)) {
        if (!files.getFileStatus(root).isDirectory()) {
          throw new JobInputException("--out '" + location + "' is a file: name a directory to create");
        }
        if (files.listStatus(root).length > 0) {
          throw new JobInputException("--out '" + location + "' is not empty: name a new or empty directory, or"
              + " remove this one first");
        }
      }
      return new ResultFiles(files, root, location, format);
    } catch (IOException e) {
      throw new JobInputException("--out '" + location + "' cannot be used: " + e.getMessage());
    }
  }

  /**
   * Writes the results and counts those that fail the gate, from the same cached rows.
   *
   * @return how many results fail the gate
   */
  long writeResults(Dataset<Row> results, Gate gate) {
    Dataset<Row> cached = results.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String target = new Path(root, RESULTS).toString();
      if (format == Format.parquet) {
        cached.write().mode(SaveMode.ErrorIfExists).parquet(target);
      } else {
        cached.write().mode(SaveMode.ErrorIfExists).json(target);
        renameJsonParts(new Path(root, RESULTS));
      }
      long failures = 0;
      for (Row count : cached.groupBy("outcome", "severity").count().collectAsList()) {
        Outcome outcome = Outcome.valueOf(count.getString(0));
        Severity severity = Severity.fromWireName(count.getString(1)).orElseThrow(
            () -> new IllegalStateException("a result has the severity '" + count.getString(1) + "'"));
        if (gate.fails(outcome, severity)) {
          failures += count.getLong(2);
        }
      }
      return failures;
    } finally {
      cached.unpersist();
    }
  }

  /** Writes {@code summary.json}, last, so that its presence says the results are whole. */
  void writeSummary(String json) {
    try (OutputStream out = files.create(new Path(root, SUMMARY), false)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new JobWriteException("cannot write " + new Path(root, SUMMARY) + ": " + e.getMessage(), e);
    }
  }

  /** Removes what this run wrote, after a failure. */
  void discard() {
    try {
      files.delete(new Path(root, RESULTS), true);
      files.delete(new Path(root, SUMMARY), false);
    } catch (IOException e) {
      // the failure being reported matters more; what is left is named by it
    }
  }

  /** What was written, for the closing line. */
  String describe() {
    return location + "/" + RESULTS + "/ (" + format + ") and " + location + "/" + SUMMARY;
  }

  // Spark names JSON files *.json; the job's layout promises *.jsonl, one result per line
  private void renameJsonParts(Path directory) {
    try {
      for (FileStatus file : files.listStatus(directory)) {
        String name = file.getPath().getName();
        if (name.startsWith("part-") && name.toLowerCase(Locale.ROOT).endsWith(".json")) {
          Path renamed = new Path(directory, name + "l");
          if (!files.rename(file.getPath(), renamed)) {
            throw new IOException("renaming " + file.getPath() + " to " + renamed + " failed");
          }
        }
      }
      // the local file system's checksums (renamed with their files, and hidden from its listings): of no
      // use to a reader of JSON lines
      if (files instanceof ChecksumFileSystem checksummed) {
        FileSystem raw = checksummed.getRawFileSystem();
        for (FileStatus file : raw.listStatus(directory)) {
          String name = file.getPath().getName();
          if (name.startsWith(".") && name.endsWith(".crc")) {
            raw.delete(file.getPath(), false);
          }
        }
      }
    } catch (IOException e) {
      throw new JobWriteException("cannot name the result files *.jsonl in " + directory + ": " + e.getMessage(), e);
    }
  }
}
