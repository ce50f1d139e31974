#!/usr/bin/env bash
# Builds libdxgpu.so (the GPU index's CUDA kernels and JNI binding) with nvcc.
#
#   gpu/build-native.sh OUTPUT_DIR [JAVA_HOME]
#
# Writes OUTPUT_DIR/native/<platform>/libdxgpu.so. The CUDA runtime is linked statically, so the
# library needs only the NVIDIA driver at run time. Without nvcc on the PATH (or in
# /usr/local/cuda/bin) it prints a note and exits 0: the rest of the build and all CPU paths do not
# need it, and --index gpu then says that the library is missing. Set DX_REWRITE_SKIP_NATIVE=1 to
# skip the build on purpose, NVCC to pick a compiler, CUDA_ARCHS to override the targets. A failing
# nvcc is a warning too, unless DX_REWRITE_REQUIRE_NATIVE=1.
set -euo pipefail
out=${1:?usage: gpu/build-native.sh OUTPUT_DIR [JAVA_HOME]}
java_home=${2:-${JAVA_HOME:-}}
here=$(cd "$(dirname "$0")/.." && pwd)
src="$here/gpu-index/src/main/cuda/dxgpu.cu"

case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac
dest="$out/native/linux-$arch"

if [ "${DX_REWRITE_SKIP_NATIVE:-0}" = 1 ]; then
  rm -f "$dest/libdxgpu.so"  # no stale library from an earlier build in this jar
  echo "gpu/build-native.sh: DX_REWRITE_SKIP_NATIVE=1, not building libdxgpu.so"
  exit 0
fi
nvcc=${NVCC:-$(command -v nvcc || true)}
if [ -z "$nvcc" ] && [ -x /usr/local/cuda/bin/nvcc ]; then nvcc=/usr/local/cuda/bin/nvcc; fi
if [ -z "$nvcc" ]; then
  rm -f "$dest/libdxgpu.so"
  echo "gpu/build-native.sh: nvcc not found; building without the GPU index's native library (--index gpu will report it missing)"
  exit 0
fi
if [ -z "$java_home" ]; then
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
[ -f "$java_home/include/jni.h" ] || { echo "gpu/build-native.sh: no jni.h under $java_home/include" >&2; exit 1; }

mkdir -p "$dest"
archs=${CUDA_ARCHS:-"-gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90"}

# Rebuild only when the source is newer than the library.
if [ -f "$dest/libdxgpu.so" ] && [ "$dest/libdxgpu.so" -nt "$src" ] && [ -z "${FORCE:-}" ]; then
  echo "gpu/build-native.sh: $dest/libdxgpu.so is up to date"
  exit 0
fi
echo "gpu/build-native.sh: compiling with $nvcc ($("$nvcc" --version 2>/dev/null | grep -o 'release [0-9.]*' || echo 'version unknown'))"
# shellcheck disable=SC2086
if ! "$nvcc" -O3 -std=c++17 -shared -Xcompiler -fPIC -cudart static $archs \
  -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$dest/libdxgpu.so.tmp" "$src"; then
  rm -f "$dest/libdxgpu.so.tmp" "$dest/libdxgpu.so"
  if [ "${DX_REWRITE_REQUIRE_NATIVE:-0}" = 1 ]; then
    echo "gpu/build-native.sh: nvcc failed" >&2
    exit 1
  fi
  echo "gpu/build-native.sh: WARNING: nvcc failed; building without the GPU index's native library (set DX_REWRITE_REQUIRE_NATIVE=1 to make this an error)"
  exit 0
fi
mv "$dest/libdxgpu.so.tmp" "$dest/libdxgpu.so"
echo "gpu/build-native.sh: wrote $dest/libdxgpu.so ($(stat -c %s "$dest/libdxgpu.so") bytes)"
