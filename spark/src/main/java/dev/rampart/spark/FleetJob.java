package dev.rampart.spark;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.EvaluationParts;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.engine.value.Rule;
import dev.rampart.spark.RowFacts.PlacedJson;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark jobs of one evaluation. The reference tables (networks, vendors, the deployment) are
 * bound and their rules evaluated once, on the driver, and broadcast to every executor as the
 * devices' context. The devices' fact rules run per partition; each fleet group (uniqueness) runs
 * after one shuffle of the devices by its split key, so that the devices sharing a value meet in one
 * task while no task holds the whole fleet.
 */
final class FleetJob implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final FactType[] REFERENCES = {FactType.DEPLOYMENT, FactType.VENDOR, FactType.NETWORK};
  /** The context facts bound in this JVM, by broadcast id. */
  private static final Map<Long, List<Fact>> CONTEXTS = new ConcurrentHashMap<>();

  private final EngineRecipe recipe;
  private final boolean allResults;
  private final long broadcastRows;

  FleetJob(EngineRecipe recipe, boolean allResults, long broadcastRows) {
    this.recipe = recipe;
    this.allResults = allResults;
    this.broadcastRows = broadcastRows;
  }

  SparkEvaluation run(FactTables tables) {
    SparkSession spark = tables.tables().values().stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table given: give at least the devices table"))
        .sparkSession();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ComplianceEngine engine = engine();
    EvaluationParts parts = engine.parts();

    // the reference tables: small, bound and evaluated once here, then shipped to every executor
    HashMap<FactType, List<PlacedJson>> referenceRows = new HashMap<>();
    List<Fact> references = new ArrayList<>();
    List<Emitted> once = new ArrayList<>();
    for (FactType type : REFERENCES) {
      Optional<Dataset<Row>> table = tables.table(type);
      if (table.isEmpty()) {
        continue;
      }
      JavaRDD<PlacedJson> json = placed(type, table.get());
      long rows = json.count();
      if (rows > broadcastRows) {
        throw new IllegalArgumentException("the " + RowFacts.section(type) + " table has " + rows
            + " rows, more than the " + broadcastRows + " broadcast to every executor; raise broadcastRows (each"
            + " executor then holds the table) or split the fleet by site");
      }
      List<PlacedJson> collected = json.collect();
      RowFacts.Bound bound = RowFacts.bind(type, collected);
      referenceRows.put(type, new ArrayList<>(bound.rows()));
      references.addAll(bound.facts());
      bound.errors().forEach(error -> once.add(Emitted.error(error)));
    }
    Counts onceCounts = new Counts();
    emit(parts.evaluateFactRules(references, List.of()), onceCounts, once);
    for (EvaluationParts.FleetGroup group : parts.fleetGroups()) {
      if (group.target() != FactType.DEVICE) {
        List<Fact> subjects = references.stream().filter(fact -> fact.type() == group.target()).toList();
        List<Fact> others = references.stream().filter(fact -> fact.type() != group.target()).toList();
        emit(parts.evaluateFleetGroup(group, subjects, others), onceCounts, once);
      }
    }
    once.add(Emitted.counts(onceCounts));
    Broadcast<HashMap<FactType, List<PlacedJson>>> shipped = context.broadcast(referenceRows);

    JavaRDD<Emitted> emitted = context.parallelize(once, 1);
    Optional<Dataset<Row>> devices = tables.table(FactType.DEVICE);
    if (devices.isPresent()) {
      JavaRDD<PlacedJson> deviceRows = placed(FactType.DEVICE, devices.get()).persist(StorageLevel.MEMORY_AND_DISK());
      emitted = emitted.union(deviceRows.mapPartitions(rows -> factRules(rows, shipped)));
      boolean anyDeviceGroup = parts.fleetGroups().stream().anyMatch(group -> group.target() == FactType.DEVICE);
      if (anyDeviceGroup) {
        int partitions = Math.max(1, deviceRows.getNumPartitions());
        JavaPairRDD<String, PlacedJson> bySplitKey = deviceRows.mapPartitionsToPair(this::splitKeys)
            .partitionBy(new HashPartitioner(partitions));
        emitted = emitted.union(bySplitKey.mapPartitions(rows -> fleetGroups(rows, shipped)));
      }
    }
    return new Evaluation(spark, emitted.persist(StorageLevel.MEMORY_AND_DISK()), allResults);
  }

  private ComplianceEngine engine() {
    try {
      return recipe.engine();
    } catch (PackLoadException | PackSignatureException e) {
      throw new IllegalStateException("the packs were loaded when the evaluation was built: " + e.getMessage(), e);
    }
  }

  /** The table's rows as the inventory format's JSON, each with its partition and position. */
  private static JavaRDD<PlacedJson> placed(FactType type, Dataset<Row> table) {
    return table.toJavaRDD().mapPartitionsWithIndex((partition, rows) -> {
      List<PlacedJson> placed = new ArrayList<>();
      int position = 0;
      while (rows.hasNext()) {
        placed.add(new PlacedJson("partition " + partition + ", row " + position++, RowJson.write(type, rows.next())));
      }
      return placed.iterator();
    }, true);
  }

  private Iterator<Emitted> factRules(Iterator<PlacedJson> rows, Broadcast<HashMap<FactType, List<PlacedJson>>> shipped) {
    EvaluationParts parts = recipe.engineOnExecutor().parts();
    RowFacts.Bound bound = RowFacts.bind(FactType.DEVICE, drain(rows));
    List<Emitted> out = new ArrayList<>();
    bound.errors().forEach(error -> out.add(Emitted.error(error)));
    Counts counts = new Counts();
    if (!bound.facts().isEmpty()) {
      emit(parts.evaluateFactRules(bound.facts(), context(shipped)), counts, out);
    }
    out.add(Emitted.counts(counts));
    return out.iterator();
  }

  /** Each device row once per device fleet group, keyed by the group and the device's split key. */
  private Iterator<Tuple2<String, PlacedJson>> splitKeys(Iterator<PlacedJson> rows) {
    EvaluationParts parts = recipe.engineOnExecutor().parts();
    RowFacts.Bound bound = RowFacts.bind(FactType.DEVICE, drain(rows));
    List<Tuple2<String, PlacedJson>> keyed = new ArrayList<>();
    for (EvaluationParts.FleetGroup group : parts.fleetGroups()) {
      if (group.target() != FactType.DEVICE) {
        continue;
      }
      for (int i = 0; i < bound.facts().size(); i++) {
        PlacedJson row = bound.rows().get(i);
        // a device without a value is compared with none: any part will do, so it goes where its row's key sends it
        String key = group.splitKey(bound.facts().get(i)).map(value -> "=" + value).orElse("#" + row.place());
        keyed.add(new Tuple2<>(group.index() + ":" + key, row));
      }
    }
    return keyed.iterator();
  }

  private Iterator<Emitted> fleetGroups(
      Iterator<Tuple2<String, PlacedJson>> rows, Broadcast<HashMap<FactType, List<PlacedJson>>> shipped) {
    EvaluationParts parts = recipe.engineOnExecutor().parts();
    Map<Integer, List<PlacedJson>> byGroup = new LinkedHashMap<>();
    rows.forEachRemaining(row -> byGroup.computeIfAbsent(
        Integer.parseInt(row._1().substring(0, row._1().indexOf(':'))), group -> new ArrayList<>()).add(row._2()));
    List<Emitted> out = new ArrayList<>();
    Counts counts = new Counts();
    byGroup.forEach((index, groupRows) -> {
      // errors of these rows are reported by the fact rules' pass, once
      List<Fact> subjects = RowFacts.bind(FactType.DEVICE, groupRows).facts();
      emit(parts.evaluateFleetGroup(parts.fleetGroups().get(index), subjects, context(shipped)), counts, out);
    });
    out.add(Emitted.counts(counts));
    return out.iterator();
  }

  private static List<Fact> context(Broadcast<HashMap<FactType, List<PlacedJson>>> shipped) {
    return CONTEXTS.computeIfAbsent(shipped.id(), id -> {
      List<Fact> facts = new ArrayList<>();
      shipped.value().forEach((type, rows) -> facts.addAll(RowFacts.bind(type, rows).facts()));
      return List.copyOf(facts);
    });
  }

  private void emit(List<RuleResult> results, Counts counts, List<Emitted> out) {
    for (RuleResult result : results) {
      counts.add(result);
      if (allResults || result.isFinding()) {
        out.add(Emitted.result(row(result)));
      }
    }
  }

  private static <T> List<T> drain(Iterator<T> rows) {
    List<T> all = new ArrayList<>();
    rows.forEachRemaining(all::add);
    return all;
  }

  /** A result as a row of {@link ResultColumns#RESULTS}. */
  static Row row(RuleResult result) {
    Rule rule = result.rule();
    List<Row> evidence = new ArrayList<>();
    for (Evidence piece : result.evidence()) {
      evidence.add(RowFactory.create(piece.field(), EvidenceText.actual(piece), EvidenceText.expected(piece),
          piece.source(), piece.isAbsent(), piece.applicability()));
    }
    // Spark's row encoder takes Scala collections
    Map<String, scala.collection.Seq<String>> references = new LinkedHashMap<>();
    rule.references().forEach((framework, controls) -> references.put(framework, seq(controls)));
    return RowFactory.create(rule.id(), rule.packId(), result.factType().wireName(), result.factId(),
        result.outcome().name(), rule.severity().wireName(), rule.category().wireName(), result.message(),
        seq(evidence), seq(rule.requirements()), CollectionConverters.asScala(references));
  }

  private static <T> scala.collection.Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(new ArrayList<>(list));
  }

  /** What a task hands back: a result row, an error row, or its counts. */
  record Emitted(int kind, Row row, Counts counts) implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RESULT = 0;
    static final int ERROR = 1;
    static final int COUNTS = 2;

    static Emitted result(Row row) {
      return new Emitted(RESULT, row, Counts.NONE);
    }

    static Emitted error(Row row) {
      return new Emitted(ERROR, row, Counts.NONE);
    }

    static Emitted counts(Counts counts) {
      return new Emitted(COUNTS, RowFactory.create(), counts);
    }
  }

  /** Counts of results by outcome, and of findings by severity and category; merged across tasks. */
  static final class Counts implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Counts NONE = new Counts();

    long results;
    final HashMap<String, Long> byOutcome = new HashMap<>();
    final HashMap<String, Long> bySeverity = new HashMap<>();
    final HashMap<String, Long> byCategory = new HashMap<>();

    void add(RuleResult result) {
      results++;
      byOutcome.merge(result.outcome().name(), 1L, Long::sum);
      if (result.isFinding()) {
        bySeverity.merge(result.rule().severity().wireName(), 1L, Long::sum);
        byCategory.merge(result.rule().category().wireName(), 1L, Long::sum);
      }
    }

    static Counts merge(Counts one, Counts other) {
      Counts sum = new Counts();
      for (Counts each : List.of(one, other)) {
        sum.results += each.results;
        each.byOutcome.forEach((key, value) -> sum.byOutcome.merge(key, value, Long::sum));
        each.bySeverity.forEach((key, value) -> sum.bySeverity.merge(key, value, Long::sum));
        each.byCategory.forEach((key, value) -> sum.byCategory.merge(key, value, Long::sum));
      }
      return sum;
    }
  }

  /** The datasets over the emitted rows, kept once computed. */
  private record Evaluation(SparkSession spark, JavaRDD<Emitted> emitted, boolean allResults)
      implements SparkEvaluation {

    @Override
    public Dataset<Row> results() {
      return spark.createDataFrame(emitted.filter(e -> e.kind() == Emitted.RESULT).map(Emitted::row),
          ResultColumns.RESULTS);
    }

    @Override
    public Dataset<Row> errors() {
      return spark.createDataFrame(emitted.filter(e -> e.kind() == Emitted.ERROR).map(Emitted::row),
          ResultColumns.ERRORS);
    }

    @Override
    public SparkSummary summary() {
      Counts counts = emitted.filter(e -> e.kind() == Emitted.COUNTS).map(Emitted::counts)
          .fold(new Counts(), Counts::merge);
      long errors = emitted.filter(e -> e.kind() == Emitted.ERROR).count();
      return new SparkSummary(counts.results, counts.byOutcome, counts.bySeverity, counts.byCategory, errors);
    }
  }
}
