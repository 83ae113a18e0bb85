#!/usr/bin/env bash
# Rewrites workflows/ (the four shipped KNIME workflows, their sample data and tiny models) with
# org.phenoloc.knime.workflows.WorkflowGenerator, compiled with javac against the stand-in, the engine and the embedded
# jars. Needs one `./mvnw verify` (or `./mvnw generate-resources`) first so plugin/*/lib is populated.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
m2=~/.m2/repository
junit="$(ls $m2/org/junit/jupiter/junit-jupiter-api/5.11.4/junit-jupiter-api-5.11.4.jar \
  $m2/org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar $m2/org/apiguardian/apiguardian-api/1.1.2/apiguardian-api-1.1.2.jar \
  $m2/org/junit/platform/junit-platform-commons/1.11.4/junit-platform-commons-1.11.4.jar | tr '\n' ':')"
cp="$(ls "$root"/plugin/org.phenoloc.libs/lib/*.jar "$root"/plugin/org.phenoloc.libs.linux.x86_64/lib/*.jar | tr '\n' ':')"
mkdir -p "$out/classes"
find "$root/releng/org.knime.core.stub/src" "$root/plugin/org.phenoloc.engine/src/main/java" "$root/plugin/org.phenoloc.libs/src" \
  "$root/plugin/org.phenoloc.knime/src/main/java" "$root/plugin/org.phenoloc.knime/src/test/java" -name '*.java' > "$out/src.txt"
javac -nowarn -Xlint:none -d "$out/classes" -cp "$cp:$junit" @"$out/src.txt"
(cd "$root/plugin/org.phenoloc.knime/src/main/java" && find . -type f ! -name '*.java' -exec cp --parents {} "$out/classes/" \;)
java -Xmx3g -Djava.awt.headless=true -Dorg.bytedeco.javacpp.cachedir="$out/javacpp" -cp "$cp:$junit:$out/classes" \
  org.phenoloc.knime.workflows.WorkflowGenerator "$root/workflows"
du -sh "$root/workflows"
