#!/usr/bin/env bash
# Measures the CLI's cold start against a JVM's own: a hello-world class compiled here, and a cold
# './rampart evaluate examples/inventory.yaml' (16 devices, the text report to a temporary file), each
# COLD_RUNS times (default 5) and alternating, so that other work on the machine weighs on both alike;
# then 'rampart validate iot-baseline' as many times. Prints the medians, the ratio and CPU time.
#
#   bench/coldstart.sh                       # print the figures
#   bench/coldstart.sh metrics.properties    # also append them there (bench/run.sh does)
#
# Needs the CLI built (cli/target/rampart.jar and its archive; ./rampart builds it when missing), a JDK
# (java, javac) on the PATH, and GNU time (/usr/bin/time) for CPU time; without it CPU is not reported.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
metrics=${1:-}
COLD_RUNS=${COLD_RUNS:-5}
example=$root/examples/inventory.yaml

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("Hello, world");
  }
}
EOF
javac -d "$work" "$work/Hello.java"

put() {
  if [ -n "$metrics" ]; then printf '%s=%s\n' "$1" "$2" >> "$metrics"; fi
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
comma() { echo "$*" | xargs | tr ' ' ','; }

# One run: its wall time in ms, then its user+sys CPU time in ms (0 without GNU time).
timed() {
  local start end cpu=0
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" > "$work/out" 2> "$work/err" || true
    end=$(date +%s%N)
    cpu=$(tail -n 1 "$work/cpu" | awk '{printf "%d", ($1 + $2) * 1000}')
  else
    "$@" > "$work/out" 2> "$work/err" || true
    end=$(date +%s%N)
  fi
  echo "$(( (end - start) / 1000000 )) $cpu"
}

if [ ! -f "$root/cli/target/rampart.jar" ]; then
  "$root/rampart" --version > /dev/null # builds it
fi

hello=() helloCpu=() evaluate=() evaluateCpu=() validate=()
for _ in $(seq "$COLD_RUNS"); do
  read -r ms cpu < <(timed java -cp "$work" Hello)
  hello+=("$ms") helloCpu+=("$cpu")
  read -r ms cpu < <(timed "$root/rampart" evaluate "$example" --format "text:$work/report.txt")
  evaluate+=("$ms") evaluateCpu+=("$cpu")
  if [ ! -s "$work/report.txt" ]; then
    echo "coldstart.sh: './rampart evaluate $example' wrote no report: $(head -c 500 "$work/err")" >&2
    exit 1
  fi
  rm -f "$work/report.txt"
done
for _ in $(seq "$COLD_RUNS"); do
  read -r ms _ < <(timed "$root/rampart" validate iot-baseline)
  validate+=("$ms")
done

helloMs=$(median "${hello[@]}")
evaluateMs=$(median "${evaluate[@]}")
ratio=$(awk -v e="$evaluateMs" -v h="$helloMs" 'BEGIN {printf "%.1f", e / (h > 0 ? h : 1)}')
put cold.runs "$COLD_RUNS"
put cold.hello.all "$(comma "${hello[@]}")"
put cold.hello.ms "$helloMs"
put cold.hello.cpuMs "$(median "${helloCpu[@]}")"
put cold.evaluate.all "$(comma "${evaluate[@]}")"
put cold.evaluate.ms "$evaluateMs"
put cold.evaluate.cpuMs "$(median "${evaluateCpu[@]}")"
put cold.evaluate.ratio "$ratio"
put cold.validate.all "$(comma "${validate[@]}")"
put cold.validate.ms "$(median "${validate[@]}")"

echo "JVM hello world:                          $helloMs ms (median of $COLD_RUNS: $(comma "${hello[@]}")), CPU $(median "${helloCpu[@]}") ms"
echo "./rampart evaluate examples/inventory.yaml: $evaluateMs ms (median of $COLD_RUNS: $(comma "${evaluate[@]}")), CPU $(median "${evaluateCpu[@]}") ms"
echo "ratio:                                    ${ratio}x a hello-world start (target: at most 8x)"
echo "./rampart validate iot-baseline:          $(median "${validate[@]}") ms (median of $COLD_RUNS: $(comma "${validate[@]}"))"
