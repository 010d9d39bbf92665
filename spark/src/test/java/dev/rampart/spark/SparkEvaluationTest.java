package dev.rampart.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an evaluation on Spark gives for small hand-written tables: results, errors and the summary. */
class SparkEvaluationTest {

  private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata:
        id: spark-test
        version: "1.0.0"
        title: Spark test pack
      rules:
        - id: PORT-023
          title: No telnet
          category: interfaces
          severity: high
          target: device
          assert:
            noneOf: services
            where: {field: port, equals: 23}
          message: "device ${id} listens on telnet"
        - id: FW-001
          title: Firmware version known
          category: patching
          severity: medium
          target: device
          assert: {field: firmware.version, exists: true}
          message: "device ${id} has no known firmware version"
      """;

  @Test
  void givesTheFindingsOnlyByDefaultAndCountsEveryResult() throws Exception {
    RampartSpark rampart = RampartSpark.builder().pack("spark-test.yaml", PACK).now(NOW).build();
    SparkEvaluation evaluation = rampart.evaluate(FactTables.builder().devices(LocalSpark.tableOfLines(List.of(
        "{\"id\": \"cam-01\", \"firmware\": {\"version\": \"1.0\"}, \"services\": [{\"port\": 23, \"transport\": \"tcp\"}]}",
        "{\"id\": \"cam-02\", \"firmware\": {\"version\": \"1.0\"}, \"services\": [{\"port\": 443, \"transport\": \"tcp\"}]}",
        "{\"id\": \"cam-03\", \"services\": []}"))).build());

    assertEquals("""
        FW-001 device cam-03 FAIL medium patching: device cam-03 has no known firmware version [firmware.version = absent (exists true)]
        PORT-023 device cam-01 FAIL high interfaces: device cam-01 listens on telnet [services[0].port = 23 (notEquals 23)]""",
        lines(evaluation.results().collectAsList()));
    assertEquals(new SparkSummary(6, Map.of("PASS", 4L, "FAIL", 2L), Map.of("high", 1L, "medium", 1L),
        Map.of("interfaces", 1L, "patching", 1L), 0), evaluation.summary());
  }

  @Test
  void ignoresColumnsTheInventoryFormatDoesNotKnowAtAnyDepth() throws Exception {
    RampartSpark rampart = RampartSpark.builder().pack("spark-test.yaml", PACK).now(NOW).allResults(true).build();
    SparkEvaluation evaluation = rampart.evaluate(FactTables.builder().devices(LocalSpark.tableOfLines(List.of(
        "{\"id\": \"cam-01\", \"ingestedBy\": \"etl-7\", \"firmware\": {\"version\": \"1.0\", \"buildHost\": \"b1\"}}")))
        .build());

    assertEquals(List.of(), evaluation.errors().collectAsList());
    assertEquals("""
        FW-001 device cam-01 PASS medium patching: Firmware version known []
        PORT-023 device cam-01 UNKNOWN high interfaces: evidence missing to decide: services [services = absent (a list)]""", lines(evaluation.results().collectAsList()));
  }

  @Test
  void reportsAWronglyTypedColumnWithItsRowAndEvaluatesTheOtherRows() throws Exception {
    RampartSpark rampart = RampartSpark.builder().pack("spark-test.yaml", PACK).now(NOW).build();
    SparkEvaluation evaluation = rampart.evaluate(FactTables.builder().devices(LocalSpark.tableOfLines(List.of(
        "{\"id\": \"cam-01\", \"firmware\": {\"version\": \"1.0\", \"releaseDate\": 20240101}, \"services\": []}",
        "{\"id\": \"cam-02\", \"firmware\": {\"version\": \"1.0\", \"releaseDate\": null}, \"services\": []}")))
        .build());

    List<Row> errors = evaluation.errors().collectAsList();
    assertEquals(1, errors.size());
    assertEquals(List.of("devices", "cam-01", "partition 0, row 0", "firmware.releaseDate"),
        List.of(errors.get(0).getString(0), errors.get(0).getString(1), errors.get(0).getString(2),
            errors.get(0).getString(3)));
    assertEquals("devices table, partition 0, row 0 (id 'cam-01'), column 'firmware.releaseDate': expected a date"
        + " such as 2027-06-30 but found 20240101 (write dates as YYYY-MM-DD)", errors.get(0).getString(4));
    assertEquals(1, evaluation.summary().inputErrors());
    assertEquals(2, evaluation.summary().results()); // cam-02's two rules; cam-01 is not evaluated
  }

  @Test
  void refusesABadPackWhenBuiltBeforeAnySparkJob() {
    PackLoadException refused = assertThrows(PackLoadException.class, () -> RampartSpark.builder()
        .pack("broken.yaml", PACK.replace("severity: high", "severity: hihg")).now(NOW).build());
    assertEquals("""
        1 problem in rule pack:
        1. broken.yaml:11:15: rule PORT-023: unknown severity 'hihg' (did you mean 'high'?)""", refused.getMessage());
  }

  @Test
  void refusesAPackGivenAsTextWhenSignedPacksAreRequired() {
    PackLoadException refused = assertThrows(PackLoadException.class, () -> RampartSpark.builder()
        .pack("spark-test.yaml", PACK).requireSigned(TrustedKeys.none()).now(NOW).build());
    assertEquals("""
        1 problem in rule pack:
        1. spark-test.yaml: the pack is given as text, which carries no signature, and signed packs are required\
         (give the signed pack's file or directory instead)""", refused.getMessage());
  }

  @Test
  void acceptsTheBuiltInPackSignedWithTheBuiltInKeyAndRefusesAnUnsignedPackFile(@TempDir Path directory)
      throws Exception {
    RampartSpark.builder().builtinPack("iot-baseline").requireSigned(TrustedKeys.none()).now(NOW).build();
    Files.writeString(directory.resolve("pack.yaml"), PACK);

    PackSignatureException refused = assertThrows(PackSignatureException.class, () -> RampartSpark.builder()
        .pack(directory).requireSigned(TrustedKeys.none()).now(NOW).build());
    assertEquals("""
        rule pack DIR/pack.yaml is refused: it is not signed
        1. DIR/pack.sig: there is no signature file (sign the pack with 'rampart pack sign DIR --key KEY')""",
        refused.getMessage().replace(directory.toString(), "DIR"));
  }

  @Test
  void reportsARowWhoseIdAnEarlierRowHasAndSaysTheSummaryIsIncomplete() throws Exception {
    RampartSpark rampart = RampartSpark.builder().pack("spark-test.yaml", PACK).now(NOW).build();
    SparkEvaluation evaluation = rampart.evaluate(FactTables.builder().devices(LocalSpark.tableOfLines(List.of(
        "{\"id\": \"cam-01\", \"services\": []}",
        "{\"id\": \"cam-02\", \"services\": []}",
        "{\"id\": \"cam-01\", \"services\": []}"))).build());

    List<Row> errors = evaluation.errors().collectAsList();
    assertEquals(List.of("devices table, partition 0, row 2 (id 'cam-01'), column 'id': duplicate device id 'cam-01'"
        + " (first in partition 0, row 0); give each device its own id"), errors.stream().map(e -> e.getString(4)).toList());
    assertEquals(false, evaluation.summary().isComplete());
  }

  /** The results, one line each, sorted: Spark gives them in no order. */
  private static String lines(List<Row> rows) {
    List<String> lines = new java.util.ArrayList<>();
    for (Row row : rows) {
      StringBuilder text = new StringBuilder();
      List<String> evidence = row.<Row>getList(row.fieldIndex("evidence")).stream()
          .map(e -> e.getString(0) + " = " + e.getString(1) + " (" + e.getString(2) + ")").toList();
      text.append(row.getString(0)).append(' ').append(row.getString(2)).append(' ')
          .append(row.getString(3)).append(' ').append(row.getString(4)).append(' ').append(row.getString(5)).append(' ')
          .append(row.getString(6)).append(": ").append(row.getString(7)).append(' ').append(evidence);
      lines.add(text.toString());
    }
    return String.join("\n", lines.stream().sorted().toList());
  }
}
