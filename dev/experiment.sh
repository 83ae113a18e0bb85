#!/usr/bin/env bash
# Runs one of the measurement programs in dev/experiments (outside the product; the README cites their numbers)
# against the engine as ./phenoloc builds it, e.g.
#   dev/experiment.sh PaperProtocol roots ../shared/data/roots/osr-rootnav2 patches,images
#   dev/experiment.sh PaperProtocol shoots ../shared/data/shoots/maize-leaf-tips patches,images
#   dev/experiment.sh MultiScale docs/results/shoots-benchmark.phenoloc ../shared/data/shoots/maize-leaf-tips 1,0.9,1.1
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: dev/experiment.sh PROGRAM [arguments]}; shift
"$root/phenoloc" --version >/dev/null # builds the engine if its sources changed
jars=("$root"/plugin/org.phenoloc.engine/target/org.phenoloc.engine-*.jar "$root"/plugin/org.phenoloc.libs/target/org.phenoloc.libs-*.jar
  "$root"/plugin/org.phenoloc.libs/lib/*.jar "$root"/plugin/org.phenoloc.libs.linux.x86_64/lib/*.jar)
cp=$(IFS=:; echo "${jars[*]}")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -nowarn -d "$out" -cp "$cp" "$root/dev/experiments/$name.java"
export MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736 # as ./phenoloc
java -Xmx6g -Dorg.eclipse.deeplearning4j.helpers.disable=false \
  -Dorg.bytedeco.javacpp.cachedir="${PHENOLOC_NATIVE_CACHE:-$HOME/.phenoloc/javacpp}" \
  -cp "$out:$cp" "org.phenoloc.engine.cli.$name" "$@"
