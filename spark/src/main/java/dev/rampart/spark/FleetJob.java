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
import org.jspecify.annotations.Nullable;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark jobs of one evaluation. Every table is evaluated where it lies: the fact rules of its
 * rows per partition (each row once), and each fleet group (uniqueness) of its type after one
 * shuffle of its rows by the group's split key, so that the facts sharing a value meet in one task
 * while no task holds the whole fleet. The devices refer to networks and vendors: a reference table
 * of at most {@code broadcastRows} rows is broadcast to every executor; a larger one is joined to
 * the devices by a shuffle on the ids they name ({@link References}).
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
    EvaluationParts parts = engine().parts();

    // every table is evaluated where it lies: its fact rules per partition, its uniqueness groups after a shuffle
    JavaRDD<Emitted> emitted = context.emptyRDD();
    HashMap<FactType, List<PlacedJson>> broadcast = new HashMap<>();
    Map<FactType, JavaRDD<PlacedJson>> shuffled = new LinkedHashMap<>();
    for (FactType type : REFERENCES) {
      Optional<Dataset<Row>> table = tables.table(type);
      if (table.isEmpty()) {
        continue;
      }
      JavaRDD<PlacedJson> rows = placed(type, table.get()).persist(StorageLevel.MEMORY_AND_DISK());
      emitted = emitted.union(evaluate(type, rows.map(row -> new Attached(row, List.of())), parts, null));
      // the devices refer to them: a small table goes to every executor, a large one to the devices that name its rows
      List<PlacedJson> firstRows = rows.take((int) Math.min(Integer.MAX_VALUE - 1, broadcastRows + 1));
      if (firstRows.size() <= broadcastRows) {
        broadcast.put(type, new ArrayList<>(firstRows));
      } else {
        shuffled.put(type, rows);
      }
    }
    Broadcast<HashMap<FactType, List<PlacedJson>>> shipped = context.broadcast(broadcast);
    Optional<Dataset<Row>> devices = tables.table(FactType.DEVICE);
    if (devices.isPresent()) {
      JavaRDD<PlacedJson> deviceRows = placed(FactType.DEVICE, devices.get());
      JavaRDD<Attached> attached = shuffled.isEmpty()
          ? deviceRows.map(row -> new Attached(row, List.of()))
          : References.attach(deviceRows, shuffled);
      emitted = emitted.union(evaluate(FactType.DEVICE, attached.persist(StorageLevel.MEMORY_AND_DISK()), parts, shipped));
    }
    return new Evaluation(spark, emitted.persist(StorageLevel.MEMORY_AND_DISK()), allResults);
  }

  /**
   * The results and errors of one table: its fact rules per partition, and each uniqueness group of
   * its type after one shuffle of its rows by the group's split key.
   */
  private JavaRDD<Emitted> evaluate(FactType type, JavaRDD<Attached> rows, EvaluationParts parts,
      @Nullable Broadcast<HashMap<FactType, List<PlacedJson>>> shipped) {
    JavaRDD<Emitted> emitted = rows.mapPartitions(partition -> factRules(type, partition, shipped))
        .union(duplicates(type, rows));
    if (parts.fleetGroups().stream().anyMatch(group -> group.target() == type)) {
      int partitions = Math.max(1, rows.getNumPartitions());
      JavaPairRDD<String, Attached> bySplitKey = rows.mapPartitionsToPair(partition -> splitKeys(type, partition))
          .partitionBy(new HashPartitioner(partitions));
      emitted = emitted.union(bySplitKey.mapPartitions(partition -> fleetGroups(type, partition, shipped)));
    }
    return emitted;
  }

  /**
   * An error for every row whose id an earlier row of the table (in partition order) already has, as
   * the inventory adapter reports a duplicate id in a file: the engine evaluates each fact once.
   */
  private static JavaRDD<Emitted> duplicates(FactType type, JavaRDD<Attached> rows) {
    return rows.flatMapToPair(row -> {
      String id = References.idOf(row.row());
      PlacedJson at = new PlacedJson(row.row().partition(), row.row().row(), "");
      return id == null ? List.<Tuple2<String, PlacedJson>>of().iterator() : List.of(new Tuple2<>(id, at)).iterator();
    }).groupByKey().flatMap(same -> {
      List<PlacedJson> places = new ArrayList<>();
      same._2().forEach(places::add);
      places.sort(PlacedJson.TABLE_ORDER);
      List<Emitted> errors = new ArrayList<>();
      for (PlacedJson place : places.subList(Math.min(1, places.size()), places.size())) {
        errors.add(Emitted.error(RowFacts.duplicate(type, same._1(), place.place(), places.get(0).place())));
      }
      return errors.iterator();
    });
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
        placed.add(new PlacedJson(partition, position++, RowJson.write(type, rows.next())));
      }
      return placed.iterator();
    }, true);
  }

  private Iterator<Emitted> factRules(
      FactType type, Iterator<Attached> rows, @Nullable Broadcast<HashMap<FactType, List<PlacedJson>>> shipped) {
    EvaluationParts parts = recipe.engineOnExecutor().parts();
    List<Attached> all = drain(rows);
    RowFacts.Bound bound = RowFacts.bind(type, all.stream().map(Attached::row).toList());
    List<Emitted> out = new ArrayList<>();
    bound.errors().forEach(error -> out.add(Emitted.error(error)));
    Counts counts = new Counts();
    if (!bound.facts().isEmpty()) {
      emit(parts.evaluateFactRules(bound.facts(), context(shipped, all)), counts, out);
    }
    out.add(Emitted.counts(counts));
    return out.iterator();
  }

  /** Each row once per fleet group of its type, keyed by the group and the fact's split key. */
  private Iterator<Tuple2<String, Attached>> splitKeys(FactType type, Iterator<Attached> rows) {
    EvaluationParts parts = recipe.engineOnExecutor().parts();
    List<Attached> all = drain(rows);
    Map<PlacedJson, Attached> byRow = new HashMap<>();
    all.forEach(row -> byRow.put(row.row(), row));
    RowFacts.Bound bound = RowFacts.bind(type, all.stream().map(Attached::row).toList());
    List<Tuple2<String, Attached>> keyed = new ArrayList<>();
    for (EvaluationParts.FleetGroup group : parts.fleetGroups()) {
      if (group.target() != type) {
        continue;
      }
      for (int i = 0; i < bound.facts().size(); i++) {
        PlacedJson row = bound.rows().get(i);
        // a fact without a value is compared with none: any part will do, so its own row's place keys it
        String key = group.splitKey(bound.facts().get(i)).map(value -> "=" + value).orElse("#" + row.place());
        keyed.add(new Tuple2<>(group.index() + ":" + key, byRow.get(row)));
      }
    }
    return keyed.iterator();
  }

  private Iterator<Emitted> fleetGroups(
      FactType type, Iterator<Tuple2<String, Attached>> rows,
      @Nullable Broadcast<HashMap<FactType, List<PlacedJson>>> shipped) {
    EvaluationParts parts = recipe.engineOnExecutor().parts();
    Map<Integer, List<Attached>> byGroup = new LinkedHashMap<>();
    rows.forEachRemaining(row -> byGroup.computeIfAbsent(
        Integer.parseInt(row._1().substring(0, row._1().indexOf(':'))), group -> new ArrayList<>()).add(row._2()));
    List<Emitted> out = new ArrayList<>();
    Counts counts = new Counts();
    byGroup.forEach((index, groupRows) -> {
      // the errors of these rows are reported once, by the fact rules' pass
      List<Fact> subjects = RowFacts.bind(type, groupRows.stream().map(Attached::row).toList()).facts();
      emit(parts.evaluateFleetGroup(parts.fleetGroups().get(index), subjects, context(shipped, groupRows)), counts,
          out);
    });
    out.add(Emitted.counts(counts));
    return out.iterator();
  }

  /** The facts the rows may refer to: the broadcast reference tables, and the rows of large ones attached to them. */
  private static List<Fact> context(@Nullable Broadcast<HashMap<FactType, List<PlacedJson>>> shipped,
      List<Attached> rows) {
    if (shipped == null) {
      return List.of();
    }
    List<Fact> broadcast = CONTEXTS.computeIfAbsent(shipped.id(), id -> {
      List<Fact> facts = new ArrayList<>();
      shipped.value().forEach((type, typeRows) -> facts.addAll(RowFacts.bind(type, typeRows).facts()));
      return List.copyOf(facts);
    });
    Map<FactType, Map<String, PlacedJson>> attached = new HashMap<>();
    for (Attached row : rows) {
      for (References.Reference reference : row.references()) {
        attached.computeIfAbsent(reference.type(), type -> new LinkedHashMap<>()).put(reference.row().place(),
            reference.row());
      }
    }
    if (attached.isEmpty()) {
      return broadcast;
    }
    List<Fact> facts = new ArrayList<>(broadcast);
    attached.forEach((type, typeRows) -> facts.addAll(RowFacts.bind(type, new ArrayList<>(typeRows.values())).facts()));
    return facts;
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

  /** A row with the rows of large reference tables it refers to (empty when they are broadcast). */
  record Attached(PlacedJson row, List<References.Reference> references) implements Serializable {

    private static final long serialVersionUID = 1L;

    Attached {
      references = new ArrayList<>(references);
    }
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
