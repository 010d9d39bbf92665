#!/usr/bin/env bash
# The embedding footprint: the jars an application that evaluates inventory files with the built-in pack
# has on its runtime class path (rampart-rules-engine, rampart-rule-packs, rampart-adapter-inventory and
# what they depend on at run time), their count and total size. The README's figure comes from here.
#
#   bench/footprint.sh          # prints each jar with its size, then the count and the total
#   LIST=0 bench/footprint.sh   # the count and the total only
#
# Needs a JDK 17; Maven comes through ./mvnw. Builds the three modules (without tests or javadoc) and
# asks Maven for each one's runtime class path in the same run, so that the jars are this checkout's.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
modules="rules-engine rule-packs adapters/inventory"
cd "$root"
./mvnw -B -q -pl "$(echo $modules | tr ' ' ,)" -am package dependency:build-classpath \
  -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >&2

# each module's own jar, then what it needs at run time (compile and runtime scope)
jars=$(for module in $modules; do
  artifact=$(sed -n 's|^  <artifactId>\(.*\)</artifactId>$|\1|p' "$module/pom.xml" | head -1)
  realpath "$module/target/$artifact"-[0-9]*[0-9T].jar
  tr ':' '\n' < "$module/target/runtime-classpath.txt"
  echo
done | grep -v '^$' | sort -u)

if [ "${LIST:-1}" != 0 ]; then
  for jar in $jars; do
    printf '%9d  %s\n' "$(stat -c %s "$jar")" "$(basename "$jar")"
  done | sort -rn
fi
count=$(echo "$jars" | wc -l)
bytes=$(echo "$jars" | xargs stat -c %s | paste -sd+ | bc)
printf '%d jars, %d bytes (%.1f MB)\n' "$count" "$bytes" "$(echo "$bytes / 1000000" | bc -l)"
