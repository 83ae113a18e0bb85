#!/usr/bin/env bash
# Fast edit-test loop without Maven/Tycho: compiles the engine's main and test sources with javac against the
# embedded jars and runs JUnit on the given test classes (or packages with -p). Needs one `./mvnw verify` (or
# `./mvnw generate-resources`) first so plugin/*/lib is populated.
# TEST_FILTER=regex limits which test sources are compiled (e.g. TEST_FILTER=/annotations/).
# usage: dev/quicktest.sh OUTDIR [junit console selectors, e.g. --select-class org.phenoloc.engine.x.FooTest]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: dev/quicktest.sh OUTDIR [selectors]}; shift
junit=$(ls ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.11.4/*.jar | head -1)
cp="$(ls "$root"/plugin/org.phenoloc.libs/lib/*.jar "$root"/plugin/org.phenoloc.libs.linux.x86_64/lib/*.jar | tr '\n' ':')"
mkdir -p "$out/main" "$out/test"
find "$root/plugin/org.phenoloc.engine/src/main/java" "$root/plugin/org.phenoloc.libs/src" -name '*.java' > "$out/main.txt"
javac -nowarn -d "$out/main" -cp "$cp" @"$out/main.txt"
if [ -d "$root/plugin/org.phenoloc.engine/src/test/resources" ]; then cp -r "$root/plugin/org.phenoloc.engine/src/test/resources/." "$out/test/"; fi
find "$root/plugin/org.phenoloc.engine/src/test/java" -name '*.java' | grep -E "${TEST_FILTER:-.}" > "$out/test.txt"
javac -nowarn -d "$out/test" -cp "$cp:$out/main:$junit" @"$out/test.txt"
cd "$root/plugin/org.phenoloc.engine"
java -Xmx3g -Dorg.eclipse.deeplearning4j.helpers.disable=false -Dorg.bytedeco.javacpp.cachedir="$out/javacpp" \
  -jar "$junit" execute -cp "$cp:$out/main:$out/test" --disable-banner --details=summary "$@"
