#!/usr/bin/env bash
# Measures Rampart's speed and memory and writes bench/RESULTS.md.
#
#   bench/run.sh                                # 10k and 100k devices
#   SIZES="10000 100000 1000000" bench/run.sh   # with 1M (end to end; JMH stays at JMH_SIZES)
#   SPARK_SIZES="100000 1000000" bench/run.sh   # also the Spark job in local mode next to the CLI
#
# Environment: SIZES (end-to-end sizes), JMH_SIZES (in-process sizes, default: SIZES up to 100000),
# INCREMENTAL_SIZES (default 100000), PROFILE_SIZE (JFR profile of the end-to-end run, default
# 100000; empty for none), E2E_TIMEOUT (seconds per end-to-end run, default 3600), E2E_HEAP (-Xmx of
# the end-to-end runs, default 1536m, the heap target), SPARK_SIZES (sizes at which ./rampart-spark evaluate runs in local
# mode next to the CLI on the same fleet; empty by default, so a default run takes as long as before),
# SPARK_HEAP (-Xmx of the Spark job, default 8g), SPARK_MASTER (default local[*]), SKIP_BUILD=1 (use
# the jars already built), SKIP_JMH=1, RESULTS_DIR, FLEETS_DIR.
# Needs: a JDK 17 (java, jfr), Maven, GNU time (installed with apt-get when missing).
# The fleets are written by 'rampart generate' (the top-level fleet-generator module), the benchmarks
# come from bench/jmh.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
out=${RESULTS_DIR:-$bench/target/results}
fleets=${FLEETS_DIR:-$bench/target/fleets}
SIZES=${SIZES:-"10000 100000"}
if [ -z "${JMH_SIZES:-}" ]; then
  JMH_SIZES=$(for n in $SIZES; do if [ "$n" -le 100000 ]; then printf '%s ' "$n"; fi; done)
fi
INCREMENTAL_SIZES=${INCREMENTAL_SIZES-100000}
PROFILE_SIZE=${PROFILE_SIZE-100000}
E2E_TIMEOUT=${E2E_TIMEOUT:-3600}
# The heap target is 1.5 GiB: end-to-end runs are capped there, so a run that completes kept under it.
E2E_HEAP=${E2E_HEAP:-1536m}
SPARK_SIZES=${SPARK_SIZES:-}
SPARK_HEAP=${SPARK_HEAP:-8g}
SPARK_MASTER=${SPARK_MASTER:-local[*]}
NOW=2026-11-25
SEED=1
JMH_JVM_ARGS="-Xmx12g -Drampart.bench.fleets=$fleets"
COLD_RUNS=5

log() { printf '[run.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
millis() { echo $(( $(date +%s%N) / 1000000 )); }
comma() { echo "$*" | xargs | tr ' ' ','; }

if [ ! -x /usr/bin/time ]; then
  log "installing GNU time"
  (apt-get update -qq && apt-get install -y -qq time) >&2
fi
if [ -n "$SPARK_SIZES" ] && ! command -v jq > /dev/null; then
  log "installing jq (to compare the Spark job's findings with the CLI's)"
  (apt-get update -qq && apt-get install -y -qq jq) >&2
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  log "building (mvn install -DskipTests)"
  (cd "$root" && mvn -B -q install -DskipTests) >&2
fi
jmhcp="$bench/jmh/target/benchmarks.jar:$bench/jmh/target/lib/*"
rampart="$root/rampart"

rm -rf "$out"
mkdir -p "$out" "$fleets"
metrics=$out/metrics.properties
put() { printf '%s=%s\n' "$1" "$2" >> "$metrics"; }

put date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
commit=${COMMIT:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)}
if [ -n "$(git -C "$root" status --porcelain 2>/dev/null | head -1)" ]; then commit="$commit (with uncommitted changes)"; fi
put commit "$commit"
put machine.nproc "$(nproc)"
put machine.memory "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
put machine.cpu "$(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
put machine.java "$(java -version 2>&1 | paste -sd ' ' | sed 's/  */ /g')"
put sizes "$SIZES"
put jmh.jvmArgs "$JMH_JVM_ARGS"
put e2e.heap "$E2E_HEAP"
put profile.size "$PROFILE_SIZE"
put pack.rules "$(grep -c '^  - id: ' "$root/rule-packs/src/main/resources/dev/rampart/packs/iot-baseline/pack.yaml")"
# Other work on the machine distorts every figure: record the load around the run, and which other
# JVMs were running when it started.
put load.start "$(cut -d' ' -f1-3 /proc/loadavg)"
put load.otherJvms "$(pgrep -c -x java 2>/dev/null || echo 0)"

fleet() { echo "$fleets/fleet-$1-seed$SEED.json"; }

for n in $(echo "$SIZES $JMH_SIZES $INCREMENTAL_SIZES $PROFILE_SIZE $SPARK_SIZES" | tr ' ' '\n' | sort -nu); do
  file=$(fleet "$n")
  if [ ! -f "$file" ]; then
    log "generating $n devices"
    start=$(millis)
    "$rampart" generate --devices "$n" --seed "$SEED" --out "$file.partial" >&2
    mv "$file.partial" "$file"
    put "gen.$n.ms" $(( $(millis) - start ))
  fi
  put "gen.$n.bytes" "$(stat -L -c %s "$file")"
done

log "cold start: a JVM hello world and ./rampart evaluate examples/inventory.yaml, then rampart validate, x$COLD_RUNS"
COLD_RUNS=$COLD_RUNS "$bench/coldstart.sh" "$metrics" >&2

# Largest BEFORE of G1's "BEFORE->AFTER(COMMITTED)" lines, and largest AFTER of the collections that
# free memory (young, mixed and full pauses; a Remark or Cleanup pause frees little and its AFTER is
# mostly garbage not yet collected), in MB.
heap() {
  awk '{ if (match($0, /[0-9]+M->[0-9]+M/)) { split(substr($0, RSTART, RLENGTH), p, "->"); b = p[1] + 0; a = p[2] + 0;
    if (b > mb) mb = b; if ($0 ~ /Pause (Young|Full)/ && a > ma) ma = a } }
    END {printf "%d %d\n", mb, ma}' "$1"
}

# CPU time by thread of the JVM that 'timeout' runs under $1 (through /usr/bin/time and the launcher,
# which execs java), read from /proc every 0.2 s until it ends; every reading is appended to $2 as
# "TID TICKS NAME" (a thread that ended before the JVM keeps its last reading). JFR samples only Java
# threads; this also counts the JIT compilers and the collector.
thread_cpu() {
  local java=""
  for _ in $(seq 100); do
    java=$(pgrep -f -n "rampart.jar evaluate" || true)
    if [ -n "$java" ]; then break; fi
    sleep 0.1
  done
  if [ -z "$java" ]; then return 0; fi
  : > "$2"
  while kill -0 "$java" 2> /dev/null; do
    for task in /proc/"$java"/task/*; do
      ticks=$(awk '{print $14 + $15}' "$task/stat" 2> /dev/null) || continue
      name=$(cat "$task/comm" 2> /dev/null) || continue
      printf '%s %s %s\n' "${task##*/}" "$ticks" "$name"
    done >> "$2" 2> /dev/null
    sleep 0.2
  done
}

# The CPU seconds of each group of threads in thread_cpu's file: main (reading the input), workers
# (evaluation), binders (parallel reading), c2 and c1 (the JIT compilers), gc, other, total.
thread_groups() {
  if [ ! -s "$1" ]; then return 0; fi
  awk -v hz="$(getconf CLK_TCK)" 'NF >= 3 { name = $3; for (i = 4; i <= NF; i++) name = name " " $i
      if ($2 + 0 >= ticks[$1] + 0) { ticks[$1] = $2 + 0; names[$1] = name } }
    END { for (tid in ticks) { name = names[tid]; group = "other"
        if (name ~ /^C2 /) group = "c2"; else if (name ~ /^C1 /) group = "c1"
        else if (name ~ /GC|G1|Refine|Conc|Marker/) group = "gc"
        else if (name ~ /^rampart-evaluat/) group = "workers"; else if (name ~ /binder/) group = "binders"
        else if (name == "java") group = "main"
        sum[group] += ticks[tid]; total += ticks[tid] }
      for (g in sum) printf "%s %.1f\n", g, sum[g] / hz; printf "total %.1f\n", total / hz }' "$1"
}

for n in $SIZES; do
  file=$(fleet "$n")
  log "end to end: evaluate $n devices"
  start=$(millis)
  status=ok
  code=0
  RAMPART_JAVA_OPTS="-Xmx$E2E_HEAP -Xlog:gc:file=$out/gc-$n.log" timeout "$E2E_TIMEOUT" \
    /usr/bin/time -v -o "$out/time-$n.txt" \
    "$rampart" evaluate "$file" --format "json:$out/report-$n.json" --only-findings --fail-on never --now "$NOW" \
    > "$out/evaluate-$n.out" 2>&1 &
  watched=$!
  thread_cpu "$watched" "$out/threads-$n.txt" &
  watcher=$!
  wait "$watched" || code=$?
  wait "$watcher" || true
  while read -r group seconds; do put "e2e.$n.cpu.$group" "$seconds"; done < <(thread_groups "$out/threads-$n.txt")
  if [ "$code" = 124 ]; then
    status="stopped after ${E2E_TIMEOUT} s (E2E_TIMEOUT)"
  elif [ "$code" != 0 ]; then
    status="failed (exit $code): $(grep -v '^\s*$' "$out/evaluate-$n.out" | grep -v '^\s*at ' | tail -1 | cut -c1-120)"
  fi
  put "e2e.$n.ms" $(( $(millis) - start ))
  put "e2e.$n.status" "$status"
  put "e2e.$n.rssMb" "$(awk '/Maximum resident/ {printf "%d", $6 / 1024}' "$out/time-$n.txt")"
  read -r peak live < <(heap "$out/gc-$n.log")
  put "e2e.$n.heapPeakMb" "$peak"
  put "e2e.$n.heapLiveMb" "$live"
  if [ -f "$out/report-$n.json" ]; then
    put "e2e.$n.reportMb" $(( $(stat -c %s "$out/report-$n.json") / 1000000 ))
    rm -f "$out/report-$n.json" # gigabytes at 100k and up
  fi

  log "floor: plain Jackson over $n devices"
  start=$(millis)
  /usr/bin/time -v -o "$out/time-floor-$n.txt" java -cp "$jmhcp" 'dev.rampart.bench.jmh.FloorBenchmark$JacksonFloor' "$file" >&2
  put "floor.$n.ms" $(( $(millis) - start ))
  put "floor.$n.rssMb" "$(awk '/Maximum resident/ {printf "%d", $6 / 1024}' "$out/time-floor-$n.txt")"
done

# The Spark job in local mode next to the CLI, on the same fleet as JSON-lines tables; the CLI runs
# again here (with --only-findings, the same flags as above) so that both reports can be compared.
if [ -n "$SPARK_SIZES" ]; then
  put spark.sizes "$SPARK_SIZES"
  put spark.master "$SPARK_MASTER"
  put spark.javaOpts "-Xmx$SPARK_HEAP"
  put spark.load "$(cut -d' ' -f1-3 /proc/loadavg)"
  finding='[.ruleId, .factType, .factId, .outcome, .message] | @tsv'
  for n in $SPARK_SIZES; do
    file=$(fleet "$n")
    tables=$fleets/tables-$n-seed$SEED
    if [ ! -d "$tables" ]; then
      log "generating $n devices as tables"
      "$rampart" generate --devices "$n" --seed "$SEED" --layout tables --out "$tables" >&2
    fi
    log "Spark: the CLI on $n devices"
    start=$(millis)
    RAMPART_JAVA_OPTS="-Xmx$E2E_HEAP" /usr/bin/time -v -o "$out/spark-cli-time-$n.txt" \
      "$rampart" evaluate "$file" --format "json:$out/spark-cli-$n.json" --only-findings --fail-on never --now "$NOW" \
      > "$out/spark-cli-$n.out" 2>&1 || true
    put "spark.$n.cliMs" $(( $(millis) - start ))
    put "spark.$n.cliRssMb" "$(awk '/Maximum resident/ {printf "%d", $6 / 1024}' "$out/spark-cli-time-$n.txt")"
    log "Spark: ./rampart-spark evaluate on $n devices"
    rm -rf "$out/spark-$n"
    start=$(millis)
    code=0
    RAMPART_SPARK_JAVA_OPTS="-Xmx$SPARK_HEAP" RAMPART_SPARK_MASTER="$SPARK_MASTER" timeout "$E2E_TIMEOUT" \
      /usr/bin/time -v -o "$out/spark-time-$n.txt" \
      "$root/rampart-spark" evaluate --tables "$tables" --out "$out/spark-$n" --format jsonl --now "$NOW" --fail-on never \
      > "$out/spark-$n.out" 2>&1 || code=$?
    put "spark.$n.ms" $(( $(millis) - start ))
    case $code in
      0) put "spark.$n.status" ok ;;
      124) put "spark.$n.status" "stopped after ${E2E_TIMEOUT} s (E2E_TIMEOUT)" ;;
      *) put "spark.$n.status" "failed (exit $code): $(grep -v '^\s*$' "$out/spark-$n.out" | tail -1 | cut -c1-120)" ;;
    esac
    put "spark.$n.rssMb" "$(awk '/Maximum resident/ {printf "%d", $6 / 1024}' "$out/spark-time-$n.txt")"
    if [ "$code" = 0 ] && [ -f "$out/spark-cli-$n.json" ]; then
      jq -r ".results[] | $finding" "$out/spark-cli-$n.json" | sort > "$out/spark-cli-findings-$n.tsv"
      cat "$out/spark-$n"/results/*.jsonl | jq -r "$finding" | sort > "$out/spark-findings-$n.tsv"
      put "spark.$n.cliFindings" "$(wc -l < "$out/spark-cli-findings-$n.tsv")"
      put "spark.$n.findings" "$(wc -l < "$out/spark-findings-$n.tsv")"
      differ=$(diff "$out/spark-cli-findings-$n.tsv" "$out/spark-findings-$n.tsv" | grep -c '^[<>]' || true)
      if [ "$differ" = 0 ]; then
        put "spark.$n.sameFindings" "yes"
      else
        put "spark.$n.sameFindings" "no: $differ lines differ ($(diff "$out/spark-cli-findings-$n.tsv" \
          "$out/spark-findings-$n.tsv" | grep '^[<>]' | cut -f1 | sort | uniq -c | sort -rn | head -3 | xargs))"
      fi
    fi
    rm -rf "$out/spark-cli-$n.json" "$out/spark-$n/results"
  done
fi

if [ -n "$PROFILE_SIZE" ]; then
  log "JFR profile: evaluate $PROFILE_SIZE devices"
  RAMPART_JAVA_OPTS="-Xmx$E2E_HEAP -XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=$out/evaluate-$PROFILE_SIZE.jfr,settings=profile" \
    "$rampart" evaluate "$(fleet "$PROFILE_SIZE")" --format "json:$out/report-profile.json" --only-findings --fail-on never \
    --now "$NOW" > "$out/profile.out" 2>&1 || true
  rm -f "$out/report-profile.json"
  java -cp "$jmhcp" dev.rampart.bench.jmh.JfrHotMethods "$out/evaluate-$PROFILE_SIZE.jfr" 25 > "$out/hot-methods.md"
fi

if [ -z "${SKIP_JMH:-}" ]; then
  jmh() {
    local name=$1; shift
    log "JMH: $name"
    java -cp "$jmhcp" org.openjdk.jmh.Main -rf json -rff "$out/jmh-$name.json" -jvmArgsAppend "$JMH_JVM_ARGS" "$@" \
      | tee "$out/jmh-$name.txt" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)|agree' >&2 || true
  }
  jmh compile PackCompileBenchmark
  jmh sizes -p devices="$(comma "$JMH_SIZES")" 'EvaluationBenchmark|CelBenchmark|FloorBenchmark'
  jmh incremental -p devices="$(comma "$INCREMENTAL_SIZES")" IncrementalBenchmark
fi

put load.end "$(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jmhcp" dev.rampart.bench.jmh.ResultsReport "$out" "$bench/notes.md" "$bench/RESULTS.md"
log "wrote $bench/RESULTS.md (raw figures in $out)"
