#!/usr/bin/env bash
# GPU index verification on a CUDA host that has no Java and no package registry.
#
#   here:          mvn -B -DskipTests package && gpu/make-bundle.sh
#   on the host:   gpu/verify.sh            (from the repository root; gpu/bundle/ carried along)
#
# 1. loads the packaged libdxgpu.so, or builds it here with nvcc if it does not load;
# 2. checks ids against a float64 CPU brute force on 10^4 noisy queries over the real embedded
#    GloVe subset and over a synthetic 341,479 x 100 table generated here, plus adversarial
#    near-ties (top-1 and top-2);
# 3. measures queries/s of the index and words/s of CMP rewriting end to end at V = 341,479 for
#    batches of 1k, 8k and 64k;
# 4. prints a short table last (also written to $OUT or /tmp/dx-rewrite-gpu-verify).
# Exit status: 0 all exact, 1 an exactness failure, 2 gpu/bundle missing, 3 no usable GPU or driver.
set -uo pipefail
cd "$(dirname "$0")/.."
bundle=gpu/bundle
java="$bundle/jre/bin/java"
out=${OUT:-/tmp/dx-rewrite-gpu-verify}
mkdir -p "$out"
[ -x "$java" ] || { echo "gpu/verify.sh: $bundle is missing; run 'mvn -B -DskipTests package && gpu/make-bundle.sh' first (on a machine with Java and Maven)" >&2; exit 2; }
cp="$bundle/lib/*"
opts=(-Xmx24g --add-modules jdk.incubator.vector)
store=embedding-store/src/main/resources/io/dxrewrite/embeddings/default/glove-6b-100d-20k.dxemb

nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv 2>&1 || true
echo "cpus: $(nproc)"

"$java" "${opts[@]}" -cp "$cp" io.dxrewrite.bench.gpu.GpuVerification --probe-only 2>&1
probe=$?
if [ "$probe" = 3 ]; then
  exit 3  # the library loaded; the driver or the device is missing, which a rebuild cannot fix
fi
if [ "$probe" != 0 ]; then
  echo "gpu/verify.sh: the packaged libdxgpu.so did not load here; building it with nvcc"
  FORCE=1 CUDA_ARCHS="-gencode arch=compute_90,code=sm_90" \
    gpu/build-native.sh /tmp/dxgpu-build "$bundle" || exit 3
  opts+=("-Ddxrewrite.gpu.library=/tmp/dxgpu-build/native/linux-x86_64/libdxgpu.so")
  "$java" "${opts[@]}" -cp "$cp" io.dxrewrite.bench.gpu.GpuVerification --probe-only || exit 3
fi

# the kernels' resource report (registers, spills), in the background
if command -v nvcc >/dev/null; then
  (nvcc -O3 -std=c++17 -Xptxas -v -gencode arch=compute_90,code=sm_90 -I"$bundle/include" \
     -I"$bundle/include/linux" -c -o /tmp/dxgpu-ptxas.o gpu-index/src/main/cuda/dxgpu.cu \
     > "$out/ptxas.txt" 2>&1 &)
fi

"$java" "${opts[@]}" -cp "$cp" io.dxrewrite.bench.gpu.GpuVerification \
  --store "$store" --queries "${QUERIES:-10000}" --report "$out/gpu-verify-table.txt" 2>&1 \
  | tee "$out/gpu-verify.log"
status=${PIPESTATUS[0]}
grep -E "registers|spill" "$out/ptxas.txt" 2>/dev/null | sed -n 1,12p
exit "$status"
