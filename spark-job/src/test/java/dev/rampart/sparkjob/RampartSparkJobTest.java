package dev.rampart.sparkjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's command line: what a user's mistakes give (one message each, exit code 2, nothing written). */
class RampartSparkJobTest {

  private static SparkSession spark;

  @TempDir Path directory;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2]").appName("rampart-job-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "4").getOrCreate();
  }


  @Test
  void aBadOptionIsAUsageErrorFoundBeforeSparkStarts() {
    Run run = Run.of(() -> {
      throw new AssertionError("Spark was started for a usage error");
    }, "evaluate", "--tables", "t", "--out", "o", "--fail-on", "severe");

    assertEquals(2, run.code);
    assertEquals("Invalid value for option '--fail-on': 'severe' is not a severity (use one of info, low, medium,"
        + " high, critical or never)", run.err.lines().findFirst().orElseThrow());
  }

  @Test
  void aPackThatCannotBeLoadedIsAnInputErrorFoundBeforeSparkStarts() {
    Path pack = directory.resolve("no-such-pack.yaml");

    Run run = Run.of(() -> {
      throw new AssertionError("Spark was started for a bad pack");
    }, "evaluate", "--tables", "t", "--out", "o", "--pack", pack.toString());

    assertEquals(2, run.code);
    assertEquals("""
        rampart-spark: 1 problem in rule pack:
        1. %s: the pack is not a file (name a pack file, or a directory holding pack.yaml)
        """.formatted(pack), run.err);
  }

  @Test
  void trustedKeysWithoutRequireSignedAreRefused() {
    Run run = Run.of(() -> {
      throw new AssertionError("Spark was started");
    }, "evaluate", "--tables", "t", "--out", "o", "--trusted-key", "k.pem");

    assertEquals(2, run.code);
    assertEquals("""
        rampart-spark: --trusted-key is used with --require-signed: add --require-signed to load only packs signed \
        by a trusted key
        """, run.err);
  }

  @Test
  void tablesThatDoNotExistAreNamedWithTheFix() {
    Path tables = directory.resolve("no-tables");

    Run run = Run.of(() -> spark, "evaluate", "--tables", tables.toString(), "--out", directory.resolve("out").toString(),
        "--now", "2026-11-25");

    assertEquals(2, run.code);
    assertEquals("rampart-spark: --tables '" + tables + "' does not exist: name the directory that holds devices/,"
        + " networks/, vendors/, deployment/ (rampart generate --layout tables writes one)\n", run.err);
    assertFalse(Files.exists(directory.resolve("out")), "nothing written");
  }

  @Test
  void aDirectoryWithoutTablesAndFilesOfOtherFormatsAreNamed() throws Exception {
    Path empty = Files.createDirectory(directory.resolve("empty"));
    Path tables = Files.createDirectories(directory.resolve("tables/devices"));
    Files.writeString(tables.resolve("devices.csv"), "id\ndev-1\n");

    Run none = Run.of(() -> spark, "evaluate", "--tables", empty.toString(), "--out", directory.resolve("o").toString());
    Run csv = Run.of(() -> spark, "evaluate", "--tables", tables.getParent().toString(), "--out",
        directory.resolve("o").toString());

    assertEquals(List.of(2, 2), List.of(none.code, csv.code));
    assertEquals("rampart-spark: --tables '" + empty + "' holds none of devices/, networks/, vendors/, deployment/:"
        + " name the directory of the tables (rampart generate --layout tables writes one)\n", none.err);
    assertEquals("rampart-spark: --tables '" + tables.getParent() + "': devices/ holds 'devices.csv', neither Parquet"
        + " (.parquet) nor JSON lines (.jsonl, .json): keep only the table's files in it\n", csv.err);
  }

  @Test
  void aLineThatIsNotJsonIsNamedWithItsFile() throws Exception {
    Path devices = Files.createDirectories(directory.resolve("tables/devices"));
    Files.writeString(devices.resolve("part-00000.jsonl"), "{\"id\":\"dev-1\"}\n{\"id\":\"dev-2\",\n");

    Run run = Run.of(() -> spark, "evaluate", "--tables", devices.getParent().toString(), "--out",
        directory.resolve("o").toString());

    assertEquals(2, run.code);
    assertEquals("rampart-spark: --tables '" + devices.getParent() + "': devices/part-00000.jsonl: a line is not a JSON"
        + " object: '{\"id\":\"dev-2\",': write one fact per line as a JSON object\n", run.err);
  }

  @Test
  void anOutputDirectoryThatIsNotEmptyIsRefusedAndKept() throws Exception {
    Path tables = Files.createDirectories(directory.resolve("tables/devices"));
    Files.writeString(tables.resolve("part-00000.jsonl"), "{\"id\":\"dev-1\"}\n");
    Path out = Files.createDirectory(directory.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "mine");

    Run run = Run.of(() -> spark, "evaluate", "--tables", tables.getParent().toString(), "--out", out.toString());

    assertEquals(2, run.code);
    assertEquals("rampart-spark: --out '" + out + "' is not empty: name a new or empty directory, or remove this one"
        + " first\n", run.err);
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }

  @Test
  void parquetTablesItGeneratesEvaluateAsTheJsonLinesTablesOfTheSameFleet() throws Exception {
    Path parquet = directory.resolve("parquet");
    Path jsonl = directory.resolve("jsonl");

    Run generated = Run.of(() -> spark, "generate", "--devices", "300", "--seed", "5", "--out", parquet.toString());
    Run tables = Run.of(() -> spark, "generate", "--devices", "300", "--seed", "5", "--layout", "tables", "--out",
        jsonl.toString());
    Run fromParquet = Run.of(() -> spark, "evaluate", "--tables", parquet.toString(), "--out",
        directory.resolve("out-parquet").toString(), "--format", "parquet", "--now", "2026-11-25", "--fail-on", "never");
    Run fromJson = Run.of(() -> spark, "evaluate", "--tables", jsonl.toString(), "--out",
        directory.resolve("out-jsonl").toString(), "--format", "parquet", "--now", "2026-11-25", "--fail-on", "never");

    assertEquals(List.of(0, 0, 0, 0), List.of(generated.code, tables.code, fromParquet.code, fromJson.code),
        generated.err + tables.err + fromParquet.err + fromJson.err);
    assertEquals("wrote " + parquet + " (parquet): 300 devices, 2 networks, 1 vendor; ",
        generated.out.substring(0, generated.out.indexOf("; ") + 2));
    assertEquals(4, Files.list(parquet).count(), "devices, networks, vendors, deployment");
    assertEquals(results(directory.resolve("out-jsonl")), results(directory.resolve("out-parquet")));
    assertEquals(Files.readString(directory.resolve("out-jsonl/summary.json")),
        Files.readString(directory.resolve("out-parquet/summary.json")));
  }

  private static List<String> results(Path out) {
    return spark.read().parquet(out.resolve("results").toString())
        .selectExpr("concat_ws(' | ', ruleId, factType, factId, outcome, message)").collectAsList().stream()
        .map(row -> row.getString(0)).sorted().toList();
  }

  /** One run of the job's command line. */
  record Run(int code, String out, String err) {
    static Run of(Supplier<SparkSession> sessions, String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = RampartSparkJob.run(args, new PrintWriter(out), new PrintWriter(err), sessions);
      return new Run(code, out.toString(), err.toString());
    }
  }
}
