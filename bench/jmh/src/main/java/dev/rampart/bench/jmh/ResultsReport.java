package dev.rampart.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * {@code java ... ResultsReport RESULTS_DIR NOTES.md OUT.md}: turns what bench/run.sh measured (JMH's
 * JSON, the process figures in {@code metrics.properties}, the JFR summary) into RESULTS.md, with
 * each target of the performance issue checked against the figures.
 */
public final class ResultsReport {

  private final Properties metrics = new Properties();
  private final JsonNode jmh;
  private final List<String> sizes;
  private final StringBuilder md = new StringBuilder();

  private ResultsReport(Path results) throws IOException {
    try (Reader reader = Files.newBufferedReader(results.resolve("metrics.properties"), StandardCharsets.UTF_8)) {
      metrics.load(reader);
    }
    // one JSON file per JMH invocation (jmh-*.json), merged
    ObjectMapper mapper = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ArrayNode all = mapper.createArrayNode();
    try (var files = Files.list(results)) {
      for (Path json : files.filter(f -> f.getFileName().toString().matches("jmh-.*\\.json")).sorted().toList()) {
        mapper.readTree(json.toFile()).forEach(all::add);
      }
    }
    jmh = all;
    sizes = List.of(metrics.getProperty("sizes", "").trim().split("\\s+"));
  }

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args[0]);
    ResultsReport report = new ResultsReport(results);
    String notes = Files.exists(Path.of(args[1])) ? Files.readString(Path.of(args[1])) : "";
    Path hot = results.resolve("hot-methods.md");
    String profile = Files.exists(hot) ? Files.readString(hot) : "(no profile was taken)\n";
    Files.writeString(Path.of(args[2]), report.render(notes, profile));
  }

  private String render(String notes, String profile) {
    line("# Rampart performance results");
    line("");
    line("Written by `bench/run.sh` on " + m("date") + " from commit `" + m("commit") + "`; do not edit by hand"
        + " (the analysis at the end comes from `bench/notes.md`).");
    line("");
    line("## Machine");
    line("");
    line("- CPU: " + m("machine.cpu") + ", `nproc` = " + m("machine.nproc"));
    line("- Memory: " + m("machine.memory"));
    line("- Java: " + m("machine.java"));
    line("- JVM options: end-to-end CLI runs use `-Xmx" + m("e2e.heap") + "` (the heap target: a run that completes"
        + " kept within it) and what the `./rampart` launcher adds, as a user's run would: the class-data sharing"
        + " archive the build makes, `-XX:TieredStopAtLevel=1` for an input up to 256 MiB, `-XX:+UseParallelGC`"
        + " for one over 32 MiB; the floor process uses the JVM defaults (max heap = 1/4 of RAM); JMH forks run"
        + " with `" + m("jmh.jvmArgs") + "`");
    line("- Load average (1, 5, 15 min) when the run started: " + m("load.start") + "; when it ended: " + m("load.end")
        + "; other JVMs running at the start: " + m("load.otherJvms") + ". On 2 cores, anything above 0 here"
        + " inflates the figures below.");
    line("");
    line("## Commands");
    line("");
    line("```sh");
    line("bench/run.sh                      # sizes 10000 100000; SIZES=\"10000 100000 1000000\" bench/run.sh for 1M");
    line("./rampart generate --devices N --seed 1 --out fleet-N-seed1.json");
    line("bench/coldstart.sh                # cold start: JVM hello world and ./rampart evaluate examples/inventory.yaml,");
    line("                                  # alternating, then ./rampart validate iot-baseline; medians of " + m("cold.runs"));
    line("RAMPART_JAVA_OPTS='-Xmx" + m("e2e.heap") + " -Xlog:gc:file=gc.log' /usr/bin/time -v \\");
    line("  ./rampart evaluate fleet-N-seed1.json --format json:out.json --only-findings --fail-on never \\");
    line("  --now 2026-11-25");
    line("java -cp 'bench/jmh/target/benchmarks.jar:bench/jmh/target/lib/*' org.openjdk.jmh.Main -p devices=N ...");
    line("```");
    line("");
    line("Peak heap is the largest heap occupancy the collector logged before a collection (`-Xlog:gc`, the `BEFORE` of"
        + " `BEFORE->AFTER(COMMITTED)`): the most the heap ever held, garbage included. *Live after GC* is the"
        + " largest `AFTER` of a young, mixed or full collection (not of a Remark or Cleanup pause, which frees"
        + " little): about what the run keeps alive at its fullest. Peak RSS is `/usr/bin/time -v`'s maximum"
        + " resident set size. The floor process reads the same file with plain Jackson, one tree per fact,"
        + " discarded (`FloorBenchmark.JacksonFloor`), in a JVM with the same defaults.");
    line("");
    endToEnd();
    spark();
    inProcess();
    compileAndIncremental();
    targets();
    line("## Profile: end-to-end CLI run at " + m("profile.size") + " devices (JFR, `settings=profile`)");
    line("");
    md.append(profile).append('\n');
    md.append(notes);
    return md.toString();
  }

  private void endToEnd() {
    line("## End to end: inventory file to JSON report (CLI, whole process)");
    line("");
    line("| devices | file | wall time | per device | peak heap | live after GC | peak RSS | report | Jackson floor"
        + " (process) | Rampart / floor |");
    line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (String n : sizes) {
      String status = metrics.getProperty("e2e." + n + ".status", "not run");
      double ms = d("e2e." + n + ".ms");
      double floor = d("floor." + n + ".ms");
      boolean ok = status.equals("ok");
      line("| " + n + " | " + mb(d("gen." + n + ".bytes") / 1e6) + " | " + (ok ? sec(ms) : failure(n)) + " | "
          + (ok ? us(ms * 1000 / Double.parseDouble(n)) : "") + " | " + mb(d("e2e." + n + ".heapPeakMb")) + " | "
          + mb(d("e2e." + n + ".heapLiveMb")) + " | " + mb(d("e2e." + n + ".rssMb")) + " | "
          + mb(d("e2e." + n + ".reportMb")) + " | " + sec(floor) + " | " + (ok ? ratio(ms / floor) : "") + " |");
    }
    line("");
    line("CPU time of the same runs by thread, read from `/proc` (JFR samples Java threads only; this also counts"
        + " the JIT compilers and the collector): *main* reads the input and hands facts over, *workers* evaluate,"
        + " *binders* bind a large file's lists in parallel (none on 2 cores), *C2* and *C1* are the JIT"
        + " compilers, *GC* the collector's threads.");
    line("");
    line("| devices | wall time | CPU in all | main | workers | binders | C2 | C1 | GC | other | cores busy |");
    line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (String n : sizes) {
      double total = d("e2e." + n + ".cpu.total");
      if (Double.isNaN(total)) {
        continue;
      }
      double wall = d("e2e." + n + ".ms") / 1000;
      StringBuilder row = new StringBuilder("| " + n + " | " + fmt(wall) + " s | " + fmt(total) + " s");
      for (String group : List.of("main", "workers", "binders", "c2", "c1", "gc", "other")) {
        double seconds = d("e2e." + n + ".cpu." + group);
        row.append(" | ").append(Double.isNaN(seconds) ? "0" : fmt(seconds) + " s");
      }
      line(row + " | " + fmt(total / wall) + " |");
    }
    line("");
  }

  /** The Spark job in local mode next to the CLI on the same fleet, when {@code SPARK_SIZES} asked for it. */
  private void spark() {
    String sparkSizes = metrics.getProperty("spark.sizes", "").trim();
    if (sparkSizes.isEmpty()) {
      return;
    }
    line("## Spark job in local mode next to the CLI (same machine, same fleet)");
    line("");
    line("`./rampart-spark evaluate --tables T --out O --format jsonl --now 2026-11-25 --fail-on never` (master `"
        + m("spark.master") + "`, `" + m("spark.javaOpts") + "`) on the JSON-lines tables `rampart generate --layout"
        + " tables` writes, against `./rampart evaluate fleet.json --only-findings --format json:out.json` on the same"
        + " fleet. The ratio is the job's wall time over the CLI's: below 1 the job is faster. Load average (1, 5,"
        + " 15 min) before the Spark runs: " + m("spark.load") + ".");
    line("");
    line("| devices | CLI wall time | Spark job wall time | Spark / CLI | CLI peak RSS | Spark peak RSS | findings"
        + " (CLI, job) | same findings |");
    line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (String n : sparkSizes.split("\\s+")) {
      String status = metrics.getProperty("spark." + n + ".status", "not run");
      boolean ok = status.equals("ok");
      double cli = d("spark." + n + ".cliMs");
      double job = d("spark." + n + ".ms");
      line("| " + n + " | " + sec(cli) + " | " + (ok ? sec(job) : status + ", after " + sec(job)) + " | "
          + (ok ? ratio(job / cli) : "") + " | " + mb(d("spark." + n + ".cliRssMb")) + " | "
          + mb(d("spark." + n + ".rssMb")) + " | " + m("spark." + n + ".cliFindings") + ", "
          + m("spark." + n + ".findings") + " | " + m("spark." + n + ".sameFindings") + " |");
    }
    line("");
  }

  private boolean ok(String n) {
    return "ok".equals(metrics.getProperty("e2e." + n + ".status"));
  }

  private String failure(String n) {
    String status = metrics.getProperty("e2e." + n + ".status", "not run").replace("Exception in thread \"main\" ", "");
    return status + ", after " + sec(d("e2e." + n + ".ms"));
  }

  private void inProcess() {
    line("## In process, warm JVM (JMH, facts already in memory)");
    line("");
    line("Single-shot: one operation handles the whole fleet; the mean of the measured iterations, their range"
        + " in brackets. *subset* is the " + CelPeer.RULES.size() + " per-device rules the CEL peer also checks"
        + " (`CelPeer`): iot-baseline with every other rule disabled; before measuring, the CEL benchmark checks"
        + " that CEL and Rampart give the same outcome for every (rule, device) pair.");
    line("");
    line("| devices | evaluate, full pack | devices/s | evaluate, subset | CEL, subset | Rampart / CEL |"
        + " Jackson tree per fact | inventory adapter | adapter / Jackson |");
    line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (String n : sizes) {
      @Nullable JsonNode full = find("EvaluationBenchmark.evaluate", n, "full");
      @Nullable JsonNode subset = find("EvaluationBenchmark.evaluate", n, "subset");
      @Nullable JsonNode cel = find("CelBenchmark.evaluate", n, null);
      @Nullable JsonNode jackson = find("FloorBenchmark.jacksonTreePerFact", n, null);
      @Nullable JsonNode adapter = find("FloorBenchmark.inventoryAdapter", n, null);
      if (full == null && cel == null && jackson == null) {
        continue;
      }
      line("| " + n + " | " + score(full) + " | " + perSecond(full, n) + " | " + score(subset) + " | " + score(cel)
          + " | " + ratio(ms(subset) / ms(cel)) + " | " + score(jackson) + " | " + score(adapter) + " | "
          + ratio(ms(adapter) / ms(jackson)) + " |");
    }
    line("");
  }

  private void compileAndIncremental() {
    line("## Pack load and compile; incremental session");
    line("");
    @Nullable JsonNode compile = find("PackCompileBenchmark.loadAndCompileBuiltinPack", null, null);
    line("- Built-in pack (" + m("pack.rules") + " rules) load + compile, warm JVM (JMH average): **" + score(compile) + "**");
    line("- `rampart validate iot-baseline`, cold CLI process, wall time: **" + sec(d("cold.validate.ms"))
        + "** (median of " + m("cold.runs") + "; runs: " + m("cold.validate.all") + " ms)");
    line("- `./rampart evaluate examples/inventory.yaml` (16 devices), cold CLI process: **" + sec(d("cold.evaluate.ms"))
        + "** wall, " + sec(d("cold.evaluate.cpuMs")) + " CPU (median of " + m("cold.runs") + "; runs: "
        + m("cold.evaluate.all") + " ms); a JVM hello world in the same run, alternating with it: **"
        + sec(d("cold.hello.ms")) + "** (runs: " + m("cold.hello.all") + " ms); ratio **"
        + ratio(d("cold.evaluate.ms") / d("cold.hello.ms")) + "**");
    for (String n : sizes) {
      @Nullable JsonNode incremental = find("IncrementalBenchmark.updateOneDeviceAndReadItsResults", n, null);
      if (incremental != null) {
        JsonNode p = incremental.path("primaryMetric").path("scorePercentiles");
        line("- Incremental, " + n + "-device session, `session.update` + `session.resultsFor` of one device"
            + " (JMH sample time, " + incremental.path("primaryMetric").path("scoreUnit").asText() + "): median **"
            + fmt(p.path("50.0").asDouble()) + "**, p99 **" + fmt(p.path("99.0").asDouble()) + "**, p99.9 "
            + fmt(p.path("99.9").asDouble()) + ", max " + fmt(p.path("100.0").asDouble()) + " ("
            + String.format(Locale.ROOT, "%,d", sampleCount(incremental)) + " samples)");
      }
    }
    line("");
  }

  // The figures of the first performance round (bench/RESULTS.md at 67b331e), which issue 18 asks not
  // to regress; the machine's speed varies by about 20% from run to run, hence the tolerance.
  private static final double TOLERANCE = 1.25;
  private static final Map<String, Double> CEL_RATIO_BEFORE =
      Map.of("10000", 0.34, "100000", 0.15, "1000000", 0.11);
  private static final double INCREMENTAL_MEDIAN_BEFORE_MS = 0.0653;

  private void targets() {
    line("## Targets (2 cores, 24 GiB)");
    line("");
    line("The targets of the second performance round (issue 18). \"No regression\" compares with the first"
        + " round's figures (bench/RESULTS.md at `67b331e`), allowing " + Math.round((TOLERANCE - 1) * 100)
        + "% for the machine's variation from run to run.");
    line("");
    line("| target | measured | verdict |");
    line("| --- | --- | --- |");
    String big = sizes.get(sizes.size() - 1);
    String small = sizes.get(0);
    double bigMs = d("e2e." + big + ".ms");
    boolean bigOk = "ok".equals(metrics.getProperty("e2e." + big + ".status"));
    double heapCap = heapCapMb();
    if (big.equals("1000000")) {
      target("1M devices end to end under 25 s", bigOk ? sec(bigMs) : failure(big), bigOk && bigMs < 25_000,
          bigOk ? bigMs / 25_000 : Double.NaN);
      double heap = d("e2e." + big + ".heapPeakMb");
      target("1M devices peak heap under 1.5 GiB", bigOk ? mb(heap) + " (in a heap capped at " + mb(heapCap) + ")"
          : "more than " + mb(heap) + ": the run did not complete within the capped heap", heap < 1536 && bigOk,
          heap / 1536);
    } else {
      double extrapolated = bigMs * 1_000_000 / Double.parseDouble(big);
      line("| 1M devices end to end under 25 s | not run at 1M; " + big + " devices took " + sec(bigMs)
          + ", linearly " + sec(extrapolated) + " at 1M | **not measured**; extrapolated "
          + ratio(extrapolated / 25_000) + " the target |");
      double heap = d("e2e." + big + ".heapPeakMb");
      line("| 1M devices peak heap under 1.5 GiB | not run at 1M; at " + big + " devices " + mb(heap)
          + " (live after GC " + mb(d("e2e." + big + ".heapLiveMb")) + ") | **not measured** |");
    }
    for (String n : sizes.stream().filter(this::ok).filter(n -> Long.parseLong(n) >= 100_000).toList()) {
      double r = d("e2e." + n + ".ms") / d("floor." + n + ".ms");
      target("end to end at most 3x the Jackson floor (" + n + ")", ratio(r), r <= 3, r / 3);
    }
    double hello = d("cold.hello.ms");
    double example = d("cold.evaluate.ms");
    if (!Double.isNaN(hello) && !Double.isNaN(example)) {
      double r = example / hello;
      target("cold `./rampart evaluate examples/inventory.yaml` at most 8x a JVM hello-world start",
          sec(example) + " vs " + sec(hello) + " = " + ratio(r), r <= 8, r / 8);
    } else {
      line("| cold `./rampart evaluate examples/inventory.yaml` at most 8x a JVM hello-world start | not measured"
          + " | **not measured** |");
    }
    for (String n : sizes) {
      @Nullable JsonNode subset = find("EvaluationBenchmark.evaluate", n, "subset");
      @Nullable JsonNode cel = find("CelBenchmark.evaluate", n, null);
      Double before = CEL_RATIO_BEFORE.get(n);
      if (subset != null && cel != null && before != null) {
        double r = ms(subset) / ms(cel);
        target("no regression: Rampart / CEL on the same checks (" + n + "; first round " + ratio(before) + ")",
            "Rampart " + score(subset) + ", CEL " + score(cel) + " = " + ratio(r), r <= before * TOLERANCE,
            r / before);
      }
    }
    double warm = ms(find("PackCompileBenchmark.loadAndCompileBuiltinPack", null, null));
    target("pack load + compile under 1 s warm", fmt(warm) + " ms", warm < 1000, warm / 1000);
    double cold = d("cold.validate.ms");
    target("pack load + compile under 3 s cold CLI", sec(cold), cold < 3000, cold / 3000);
    for (String n : sizes) {
      @Nullable JsonNode incremental = find("IncrementalBenchmark.updateOneDeviceAndReadItsResults", n, null);
      if (incremental != null) {
        double median = incremental.path("primaryMetric").path("scorePercentiles").path("50.0").asDouble();
        double medianMs = toMs(median, incremental.path("primaryMetric").path("scoreUnit").asText());
        target("no regression: incremental update median (" + n + " session; first round "
                + fmt(INCREMENTAL_MEDIAN_BEFORE_MS) + " ms)", fmt(medianMs) + " ms",
            medianMs <= INCREMENTAL_MEDIAN_BEFORE_MS * TOLERANCE, medianMs / INCREMENTAL_MEDIAN_BEFORE_MS);
      }
    }
    List<String> measured = sizes.stream().filter(this::ok).toList();
    String largest = measured.isEmpty() ? big : measured.get(measured.size() - 1);
    double perBig = d("e2e." + largest + ".ms") / Double.parseDouble(largest);
    double perSmall = d("e2e." + small + ".ms") / Double.parseDouble(small);
    String perDevice = us(perBig * 1000) + " at " + largest + " vs " + us(perSmall * 1000) + " at " + small + " = "
        + ratio(perBig / perSmall);
    if (big.equals("1000000") && bigOk) {
      target("no regression: time per device at 1M within 1.5x of 10k (linear scaling)", perDevice,
          perBig / perSmall <= 1.5, perBig / perSmall / 1.5);
    } else {
      line("| no regression: time per device at 1M within 1.5x of 10k (linear scaling) | " + perDevice
          + " | **not measured** at 1M" + (perBig / perSmall <= 1.5 ? " (within 1.5x up to " + largest + ")" : "")
          + " |");
    }
    line("");
  }

  /** The -Xmx of the end-to-end runs, in MB. */
  private double heapCapMb() {
    String heap = metrics.getProperty("e2e.heap", "").trim().toLowerCase(Locale.ROOT);
    if (heap.endsWith("g")) {
      return Double.parseDouble(heap.substring(0, heap.length() - 1)) * 1024;
    }
    if (heap.endsWith("m")) {
      return Double.parseDouble(heap.substring(0, heap.length() - 1));
    }
    return Double.NaN;
  }

  private void target(String what, String measured, boolean met, double factor) {
    String verdict = met ? "met"
        : Double.isNaN(factor) ? "**missed**" : String.format(Locale.ROOT, "**missed** (%.1fx the target)", factor);
    line("| " + what + " | " + measured + " | " + verdict + " |");
  }

  private @Nullable JsonNode find(String benchmark, @Nullable String devices, @Nullable String pack) {
    for (JsonNode result : jmh) {
      if (!result.path("benchmark").asText().endsWith(benchmark)) {
        continue;
      }
      JsonNode params = result.path("params");
      if (devices != null && !devices.equals(params.path("devices").asText())) {
        continue;
      }
      if (pack != null && !pack.equals(params.path("pack").asText())) {
        continue;
      }
      return result;
    }
    return null;
  }

  private static long sampleCount(JsonNode result) {
    long count = 0;
    for (JsonNode fork : result.path("primaryMetric").path("rawDataHistogram")) {
      for (JsonNode iteration : fork) {
        for (JsonNode bucket : iteration) {
          count += bucket.path(1).asLong();
        }
      }
    }
    return count;
  }

  private static double ms(@Nullable JsonNode result) {
    if (result == null) {
      return Double.NaN;
    }
    JsonNode metric = result.path("primaryMetric");
    return toMs(metric.path("score").asDouble(), metric.path("scoreUnit").asText());
  }

  private static double toMs(double value, String unit) {
    return switch (unit) {
      case "s/op" -> value * 1000;
      case "us/op" -> value / 1000;
      case "ns/op" -> value / 1e6;
      default -> value;
    };
  }

  /** The mean, and for single-shot runs the range of the iterations (3 samples make a useless CI). */
  private static String score(@Nullable JsonNode result) {
    if (result == null) {
      return "";
    }
    JsonNode metric = result.path("primaryMetric");
    String unit = metric.path("scoreUnit").asText().replace("/op", "");
    String mean = fmt(metric.path("score").asDouble());
    if (!result.path("mode").asText().equals("ss")) {
      double error = metric.path("scoreError").asDouble(Double.NaN);
      return mean + (Double.isNaN(error) ? "" : " ± " + fmt(error)) + " " + unit;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (JsonNode fork : metric.path("rawData")) {
      for (JsonNode value : fork) {
        min = Math.min(min, value.asDouble());
        max = Math.max(max, value.asDouble());
      }
    }
    return mean + " " + unit + " (" + fmt(min) + "–" + fmt(max) + ")";
  }

  private static String perSecond(@Nullable JsonNode result, String devices) {
    double ms = ms(result);
    return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%,.0f", Double.parseDouble(devices) * 1000 / ms);
  }

  private double d(String key) {
    String value = metrics.getProperty(key);
    try {
      return value == null ? Double.NaN : Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private String m(String key) {
    return metrics.getProperty(key, "?");
  }

  private static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
  }

  private static String sec(double ms) {
    return Double.isNaN(ms) ? "n/a" : String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  private static String us(double us) {
    return Double.isNaN(us) ? "n/a" : String.format(Locale.ROOT, "%.0f µs", us);
  }

  private static String mb(double mb) {
    return Double.isNaN(mb) ? "n/a" : String.format(Locale.ROOT, "%,.0f MB", mb);
  }

  private static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
  }

  private void line(String text) {
    md.append(text).append('\n');
  }
}
