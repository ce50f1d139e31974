#!/usr/bin/env bash
# Prepares gpu/bundle/ for gpu/verify.sh on a GPU host that has no Java and no package registry:
# a jlink'ed Java 17 runtime, the jars the GPU path needs (no ND4J natives), and the JNI headers
# (so that verify.sh can rebuild the kernel there if the packaged library does not load).
# Run it here after `mvn -B -DskipTests package`; the bundle is git-ignored and travels as a
# carried path (about 40 MB).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bundle="$here/gpu/bundle"
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
m2=${M2_REPO:-$HOME/.m2/repository}
version=0.1.0-SNAPSHOT

rm -rf "$bundle"
mkdir -p "$bundle/lib" "$bundle/include"
"$java_home/bin/jlink" --add-modules java.base,jdk.unsupported,java.logging,jdk.incubator.vector \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$bundle/jre"
cp -r "$java_home/include/." "$bundle/include/"
# index-simd: the CPU index of the verification's comparisons and of the GPU index's k > 2 fallback
for module in dx-common gpu-index index-simd embedding-store density-calibration rewrite-core bench; do
  cp "$here/$module/target/$module-$version.jar" "$bundle/lib/"
done
# the embedded GloVe subset travels in the working tree; drop the jar's copy to stay small
zip -q -d "$bundle/lib/embedding-store-$version.jar" 'io/dxrewrite/embeddings/default/*' || true
find_jar() { find "$m2/$1" -name "$2" | sort | tail -1; }
cp "$(find_jar org/apache/commons/commons-math3 'commons-math3-3.6.1.jar')" "$bundle/lib/"
cp "$m2/org/slf4j/slf4j-api/2.0.16/slf4j-api-2.0.16.jar" "$bundle/lib/"
cp "$m2/org/slf4j/slf4j-simple/2.0.16/slf4j-simple-2.0.16.jar" "$bundle/lib/"
cp "$(find_jar com/fasterxml/jackson/core/jackson-core 'jackson-core-2.20.1.jar')" "$bundle/lib/"
du -sh "$bundle"/*; du -sh "$bundle"
