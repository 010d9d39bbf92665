package dev.rampart.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** One Spark in local mode for every test of the module: two threads, few shuffle partitions, no UI. */
final class LocalSpark {

  private static SparkSession spark;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (spark == null) {
      spark = SparkSession.builder()
          .master("local[2]")
          .appName("rampart-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
    }
    return spark;
  }

  /** A table read from JSON objects, its schema inferred as Spark infers a JSON-lines table's. */
  static Dataset<Row> table(List<JsonNode> rows, int partitions) {
    List<String> lines = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (JsonNode row : rows) {
      try {
        lines.add(mapper.writeValueAsString(row));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return session().read().json(session().createDataset(lines, Encoders.STRING())).repartition(partitions);
  }

  /** A table given as JSON lines. */
  static Dataset<Row> tableOfLines(List<String> lines) {
    return session().read().json(session().createDataset(lines, Encoders.STRING())).coalesce(1);
  }
}
