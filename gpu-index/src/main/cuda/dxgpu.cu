// dx-rewrite GPU exact nearest-neighbour search: a fused bf16 tensor-core screening kernel with a
// running top-k threshold, and a float64 rerank of the few survivors. JNI entry points for
// io.dxrewrite.gpu.CudaNative (Java 17). No cuBLAS: only the CUDA runtime (linked statically).
//
// Screening (kernel `screen`): for query q and vocabulary row w the score is
//   s(q, w) = ||w||^2 - 2 q.w            (= ||q - w||^2 - ||q||^2, same ranking)
// computed with q and w rounded to bf16 and a float32 accumulator (mma.sync m16n8k16). The Java
// side (TensorCoreScreeningBound) proves |s~ - s| <= delta(q, w) = a_q ||w|| + b ||w||^2 + c_q and
// passes a_q, b and c_q in. Every word whose lower bound s~ - delta is <= an upper bound of the
// k-th smallest score can be among the top k, so it is written to the query's candidate list; the
// rerank kernel then computes float64 distances of the candidates in Java's order
// (sum_j ((double) q_j - (double) w_j)^2, no fused multiply-add) and picks the k best, ties to the
// lowest id. The upper bound of the k-th smallest score is kept per thread (its own words), merged
// over the 4 lanes that share a query row at every 8-word group, and merged over all thread blocks
// through an atomicMin in global memory on a doubling schedule. Any of these is a valid bound at
// any time (it is the k-th smallest upper score of k distinct words), so emitting against it keeps
// a superset of the true candidates.
//
// No batch x V score matrix is ever written: scores live in registers.

#include <jni.h>
#include <cuda_runtime.h>
#include <cuda_bf16.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr int CAP = 1024;      // candidate slots per query; more means overflow (host falls back)
constexpr int CHUNK = 16384;   // queries per pipeline slot
constexpr int STATUS_OK = 0;
constexpr int STATUS_OVERFLOW = 1;
constexpr int STATUS_INTERNAL = 2;

struct CudaFailure {
  std::string message;
  bool unavailable;
};

void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess) {
    bool unavailable = e == cudaErrorNoDevice || e == cudaErrorInsufficientDriver ||
                       e == cudaErrorInitializationError || e == cudaErrorInvalidDevice ||
                       e == cudaErrorCompatNotSupportedOnDevice || e == cudaErrorSystemDriverMismatch ||
                       e == cudaErrorDevicesUnavailable || e == cudaErrorNoKernelImageForDevice;
    throw CudaFailure{std::string(what) + " failed: " + cudaGetErrorString(e) + " (" +
                          cudaGetErrorName(e) + ")",
                      unavailable};
  }
}

void checkLaunch(const char* what) {
  check(cudaGetLastError(), what);
}

__device__ __forceinline__ int floatKey(float f) {
  int i = __float_as_int(f);
  return i >= 0 ? i : i ^ 0x7FFFFFFF;
}

__device__ __forceinline__ float keyFloat(int k) {
  return __int_as_float(k >= 0 ? k : k ^ 0x7FFFFFFF);
}

__device__ __forceinline__ uint32_t packBf16(float lo, float hi) {
  uint32_t l = __bfloat16_as_ushort(__float2bfloat16_rn(lo));
  uint32_t h = __bfloat16_as_ushort(__float2bfloat16_rn(hi));
  return l | (h << 16);
}

// B fragments of mma.m16n8k16 (.col), word-major: group g of 8 words, k-step s, lane l holds
// {W[8g + l/4][16s + 2(l%4) + {0,1}], W[8g + l/4][16s + 8 + 2(l%4) + {0,1}]} as bf16 pairs.
__global__ void packWords(const float* __restrict__ w, int v, int d, int ks, int groups,
                          uint2* __restrict__ out) {
  long long total = (long long)groups * ks * 32;
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < total;
       i += (long long)gridDim.x * blockDim.x) {
    int lane = (int)(i & 31);
    long long gs = i >> 5;
    int s = (int)(gs % ks);
    long long g = gs / ks;
    long long row = g * 8 + (lane >> 2);
    int k = 16 * s + 2 * (lane & 3);
    float e[4];
    int cols[4] = {k, k + 1, k + 8, k + 9};
    for (int c = 0; c < 4; ++c) {
      e[c] = (row < v && cols[c] < d) ? w[row * d + cols[c]] : 0.0f;
    }
    out[i] = make_uint2(packBf16(e[0], e[1]), packBf16(e[2], e[3]));
  }
}

// A fragments (.row), query tile t of 16 rows, k-step s, lane l:
// {Q[16t+l/4][k..k+1], Q[16t+8+l/4][k..k+1], Q[16t+l/4][k+8..k+9], Q[16t+8+l/4][k+8..k+9]},
// k = 16s + 2(l%4). Also resets each query's global upper bound to +inf.
__global__ void packQueries(const float* __restrict__ q, int count, int d, int ks, int qtiles,
                            uint4* __restrict__ out, int* __restrict__ upper) {
  int total = qtiles * ks * 32;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < total; i += gridDim.x * blockDim.x) {
    int lane = i & 31;
    int ts = i >> 5;
    int s = ts % ks;
    int t = ts / ks;
    int r0 = 16 * t + (lane >> 2);
    int r1 = r0 + 8;
    int k = 16 * s + 2 * (lane & 3);
    auto at = [&](int r, int c) -> float {
      return (r < count && c < d) ? q[(long long)r * d + c] : 0.0f;
    };
    out[i] = make_uint4(packBf16(at(r0, k), at(r0, k + 1)), packBf16(at(r1, k), at(r1, k + 1)),
                        packBf16(at(r0, k + 8), at(r0, k + 9)),
                        packBf16(at(r1, k + 8), at(r1, k + 9)));
  }
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < count; i += gridDim.x * blockDim.x) {
    upper[i] = 0x7F800000;  // key(+inf)
  }
}

__device__ __forceinline__ void mma16816(float (&c)[4], const uint32_t (&a)[4], uint2 b) {
  asm volatile(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, "
      "{%8,%9}, {%0,%1,%2,%3};\n"
      : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b.x), "r"(b.y));
}

template <int K>
__device__ __forceinline__ void insertTop(float (&t)[K], float x) {
  if constexpr (K == 1) {
    t[0] = fminf(t[0], x);
  } else {
    t[1] = fminf(t[1], fmaxf(t[0], x));
    t[0] = fminf(t[0], x);
  }
}

// k-th smallest upper score over the 4 lanes of a quad (disjoint words, so no double counting).
template <int K>
__device__ __forceinline__ float quadKth(const float (&t)[K]) {
  if constexpr (K == 1) {
    float m = t[0];
    m = fminf(m, __shfl_xor_sync(0xffffffffu, m, 1));
    m = fminf(m, __shfl_xor_sync(0xffffffffu, m, 2));
    return m;
  } else {
    float x0 = t[0], x1 = t[1];
#pragma unroll
    for (int off = 1; off <= 2; off <<= 1) {
      float p0 = __shfl_xor_sync(0xffffffffu, x0, off);
      float p1 = __shfl_xor_sync(0xffffffffu, x1, off);
      float m0 = fminf(x0, p0);
      float m1 = fminf(fmaxf(x0, p0), fminf(x1, p1));
      x0 = m0;
      x1 = m1;
    }
    return x1;
  }
}

// One warp screens MT tiles of 16 queries against the 8-word groups [g0, g1) of its split.
template <int KS, int MT, int K, int WARPS>
__global__ void __launch_bounds__(WARPS * 32)
    screen(const uint4* __restrict__ qfrag, const float* __restrict__ qa,
           const float* __restrict__ qc, float b, int count, const uint2* __restrict__ wfrag,
           const float* __restrict__ nw, const float* __restrict__ wn, int groups, int v,
           int* __restrict__ upper, int* __restrict__ cnt, int2* __restrict__ cand) {
  constexpr int ROWS = 2 * MT;
  const int lane = threadIdx.x & 31;
  const int warp = threadIdx.x >> 5;
  const int qtiles = (count + 15) / 16;
  const int tile0 = (blockIdx.x * WARPS + warp) * MT;
  if (tile0 >= qtiles) {
    return;  // whole warp
  }
  const int g0 = (int)((long long)groups * blockIdx.y / gridDim.y);
  const int g1 = (int)((long long)groups * (blockIdx.y + 1) / gridDim.y);

  uint32_t a[MT][KS][4];
  int qi[ROWS];
  bool valid[ROWS];
  float ra[ROWS], rc[ROWS];
#pragma unroll
  for (int t = 0; t < MT; ++t) {
    const int tile = tile0 + t;
#pragma unroll
    for (int s = 0; s < KS; ++s) {
      uint4 f = tile < qtiles ? qfrag[((long long)tile * KS + s) * 32 + lane] : make_uint4(0, 0, 0, 0);
      a[t][s][0] = f.x;
      a[t][s][1] = f.y;
      a[t][s][2] = f.z;
      a[t][s][3] = f.w;
    }
#pragma unroll
    for (int h = 0; h < 2; ++h) {
      const int r = 2 * t + h;
      qi[r] = 16 * tile + 8 * h + (lane >> 2);
      valid[r] = tile < qtiles && qi[r] < count;
      ra[r] = valid[r] ? qa[qi[r]] : 0.0f;
      rc[r] = valid[r] ? qc[qi[r]] : 0.0f;
    }
  }

  float top[ROWS][K];
  float ext[ROWS];
#pragma unroll
  for (int r = 0; r < ROWS; ++r) {
#pragma unroll
    for (int j = 0; j < K; ++j) top[r][j] = INFINITY;
    ext[r] = INFINITY;
  }

  int nextExchange = 1;
  for (int g = g0, local = 1; g < g1; ++g, ++local) {
    uint2 bf[KS];
#pragma unroll
    for (int s = 0; s < KS; ++s) {
      bf[s] = __ldg(&wfrag[((long long)g * KS + s) * 32 + lane]);
    }
    float acc[MT][4];
#pragma unroll
    for (int t = 0; t < MT; ++t) {
      acc[t][0] = acc[t][1] = acc[t][2] = acc[t][3] = 0.0f;
#pragma unroll
      for (int s = 0; s < KS; ++s) mma16816(acc[t], a[t][s], bf[s]);
    }
    const int w0 = g * 8 + 2 * (lane & 3);
    const float2 n2 = __ldg(reinterpret_cast<const float2*>(nw + w0));
    const float2 m2 = __ldg(reinterpret_cast<const float2*>(wn + w0));
    float lo[MT][4];
#pragma unroll
    for (int t = 0; t < MT; ++t) {
#pragma unroll
      for (int j = 0; j < 4; ++j) {
        const int r = 2 * t + (j >> 1);
        const float n = (j & 1) ? n2.y : n2.x;
        const float m = (j & 1) ? m2.y : m2.x;
        const float s = fmaf(-2.0f, acc[t][j], n);
        const float del = fmaf(ra[r], m, fmaf(b, n, rc[r]));
        lo[t][j] = s - del;
        insertTop<K>(top[r], s + del);
      }
    }
    float thr[ROWS];
#pragma unroll
    for (int r = 0; r < ROWS; ++r) thr[r] = quadKth<K>(top[r]);
    if (local == nextExchange) {
      nextExchange = nextExchange < 64 ? 2 * nextExchange : nextExchange + 64;
#pragma unroll
      for (int r = 0; r < ROWS; ++r) {
        float e = thr[r];
        if ((lane & 3) == 0 && valid[r]) {
          int old = atomicMin(&upper[qi[r]], floatKey(thr[r]));
          e = fminf(e, keyFloat(old));
        }
        e = __shfl_sync(0xffffffffu, e, lane & ~3);
        ext[r] = fminf(ext[r], e);
      }
    }
#pragma unroll
    for (int t = 0; t < MT; ++t) {
#pragma unroll
      for (int j = 0; j < 4; ++j) {
        const int r = 2 * t + (j >> 1);
        const int w = w0 + (j & 1);
        if (valid[r] && lo[t][j] <= fminf(thr[r], ext[r]) && w < v) {
          const int slot = atomicAdd(&cnt[qi[r]], 1);
          if (slot < CAP) {
            cand[(long long)qi[r] * CAP + slot] = make_int2(w, __float_as_int(lo[t][j]));
          }
        }
      }
    }
  }
  // post the final bound for blocks that start later
#pragma unroll
  for (int r = 0; r < ROWS; ++r) {
    float t = quadKth<K>(top[r]);
    if ((lane & 3) == 0 && valid[r]) atomicMin(&upper[qi[r]], floatKey(t));
  }
}

// One warp per query: float64 distances of the candidates, in Java's order, k best with ties to the
// lowest id.
template <int K>
__global__ void rerank(const float* __restrict__ q, int count, int d, const float* __restrict__ w,
                       const int* __restrict__ cnt, const int2* __restrict__ cand,
                       const int* __restrict__ upper, int* __restrict__ ids,
                       int* __restrict__ status) {
  const int lane = threadIdx.x & 31;
  const int query = blockIdx.x * (blockDim.x >> 5) + (threadIdx.x >> 5);
  if (query >= count) return;
  const int n = cnt[query];
  if (n > CAP) {
    if (lane == 0) {
      status[query] = STATUS_OVERFLOW;
      for (int j = 0; j < K; ++j) ids[query * K + j] = -1;
    }
    return;
  }
  double bd[K];
  int bi[K];
#pragma unroll
  for (int j = 0; j < K; ++j) {
    bd[j] = INFINITY;
    bi[j] = INT_MAX;
  }
  const float* qrow = q + (long long)query * d;
  // the final upper bound of the k-th smallest score: candidates screened in against an earlier,
  // looser bound whose lower bound is above it cannot be in the top k
  const float bound = keyFloat(upper[query]);
  for (int c = lane; c < n; c += 32) {
    const int2 entry = cand[(long long)query * CAP + c];
    if (__int_as_float(entry.y) > bound) continue;
    const int id = entry.x;
    const float* wrow = w + (long long)id * d;
    double sum = 0.0;
    for (int j = 0; j < d; ++j) {
      const double diff = (double)qrow[j] - (double)wrow[j];
      sum = __dadd_rn(sum, __dmul_rn(diff, diff));
    }
    // insert (sum, id) into this lane's sorted top K, lexicographic on (distance, id)
    if (sum < bd[0] || (sum == bd[0] && id < bi[0])) {
      if constexpr (K == 2) {
        bd[1] = bd[0];
        bi[1] = bi[0];
      }
      bd[0] = sum;
      bi[0] = id;
    } else if constexpr (K == 2) {
      if (sum < bd[1] || (sum == bd[1] && id < bi[1])) {
        bd[1] = sum;
        bi[1] = id;
      }
    }
  }
  bool ok = true;
#pragma unroll
  for (int j = 0; j < K; ++j) {
    double md = bd[0];
    int mi = bi[0];
#pragma unroll
    for (int off = 16; off >= 1; off >>= 1) {
      const double od = __shfl_xor_sync(0xffffffffu, md, off);
      const int oi = __shfl_xor_sync(0xffffffffu, mi, off);
      if (od < md || (od == md && oi < mi)) {
        md = od;
        mi = oi;
      }
    }
    if (mi == INT_MAX) ok = false;
    if (lane == 0) ids[query * K + j] = mi == INT_MAX ? -1 : mi;
    if (bi[0] == mi) {
#pragma unroll
      for (int m = 0; m + 1 < K; ++m) {
        bd[m] = bd[m + 1];
        bi[m] = bi[m + 1];
      }
      bd[K - 1] = INFINITY;
      bi[K - 1] = INT_MAX;
    }
  }
  if (lane == 0) status[query] = ok ? STATUS_OK : STATUS_INTERNAL;
}

struct Slot {
  cudaStream_t stream = nullptr;
  float* hQueries = nullptr;
  float* hA = nullptr;
  float* hC = nullptr;
  int* hIds = nullptr;
  int* hStatus = nullptr;
  int* hCount = nullptr;
  float* dQueries = nullptr;
  float* dA = nullptr;
  float* dC = nullptr;
  uint4* dQfrag = nullptr;
  int* dUpper = nullptr;
  int* dCount = nullptr;
  int2* dCand = nullptr;
  int* dIds = nullptr;
  int* dStatus = nullptr;
  bool busy = false;
  int offset = 0;
  int n = 0;
  cudaEvent_t ev[4] = {nullptr, nullptr, nullptr, nullptr};  // DXGPU_TIMING: pack, screen, rerank, end
};

struct Index {
  int device = 0;
  int v = 0, d = 0, ks = 0, mt = 0, groups = 0, sms = 0, warps = 8;
  float* dW = nullptr;
  uint2* dWfrag = nullptr;
  float* dNw = nullptr;
  float* dWn = nullptr;
  Slot slots[2];
  bool timing = false;
  double screenMs = 0, rerankMs = 0, packMs = 0;
  long long timedQueries = 0, candidates = 0;
};

// The largest dimension the kernel handles: kMaxKSteps tensor-core k-steps of 16 components (the
// largest screen<> template below). GpuNearestNeighbourIndex.MAX_DIMENSION on the Java side; a test
// (GpuDimensionLimitTest) checks that the two agree.
constexpr int kMaxKSteps = 19;
constexpr int kMaxDimension = 16 * kMaxKSteps;

int kStepsFor(int d) {
  const int need = (d + 15) / 16;
  const int options[] = {4, 7, 8, 13, kMaxKSteps};
  for (int ks : options) {
    if (need <= ks) return ks;
  }
  return -1;
}

void freeSlot(Slot& s) {
  if (s.stream) cudaStreamSynchronize(s.stream);
  cudaFreeHost(s.hQueries);
  cudaFreeHost(s.hA);
  cudaFreeHost(s.hC);
  cudaFreeHost(s.hIds);
  cudaFreeHost(s.hStatus);
  cudaFreeHost(s.hCount);
  cudaFree(s.dQueries);
  cudaFree(s.dA);
  cudaFree(s.dC);
  cudaFree(s.dQfrag);
  cudaFree(s.dUpper);
  cudaFree(s.dCount);
  cudaFree(s.dCand);
  cudaFree(s.dIds);
  cudaFree(s.dStatus);
  if (s.stream) cudaStreamDestroy(s.stream);
  for (cudaEvent_t e : s.ev) {
    if (e) cudaEventDestroy(e);
  }
  s = Slot{};
}

void freeIndex(Index* ix) {
  if (!ix) return;
  cudaSetDevice(ix->device);
  if (ix->timing && ix->timedQueries > 0) {
    fprintf(stderr,
            "dxgpu timing: %lld queries, pack %.2f ms, screen %.2f ms (%.0f queries/s), rerank %.2f ms"
            " (%.0f queries/s)\n",
            ix->timedQueries, ix->packMs, ix->screenMs, ix->timedQueries / (ix->screenMs / 1e3),
            ix->rerankMs, ix->timedQueries / (ix->rerankMs / 1e3));
  }
  for (Slot& s : ix->slots) freeSlot(s);
  cudaFree(ix->dW);
  cudaFree(ix->dWfrag);
  cudaFree(ix->dNw);
  cudaFree(ix->dWn);
  delete ix;
}

template <int KS, int MT, int K, int WARPS>
void launchScreen(Index* ix, Slot& s, int n, float b, dim3 grid) {
  screen<KS, MT, K, WARPS><<<grid, WARPS * 32, 0, s.stream>>>(
      s.dQfrag, s.dA, s.dC, b, n, ix->dWfrag, ix->dNw, ix->dWn, ix->groups, ix->v, s.dUpper,
      s.dCount, s.dCand);
}

template <int K, int WARPS>
void dispatchScreen(Index* ix, Slot& s, int n, float b, dim3 grid) {
  switch (ix->ks) {
    case 4: launchScreen<4, 2, K, WARPS>(ix, s, n, b, grid); break;
    case 7: launchScreen<7, 2, K, WARPS>(ix, s, n, b, grid); break;
    case 8: launchScreen<8, 2, K, WARPS>(ix, s, n, b, grid); break;
    case 13: launchScreen<13, 1, K, WARPS>(ix, s, n, b, grid); break;
    case kMaxKSteps: launchScreen<kMaxKSteps, 1, K, WARPS>(ix, s, n, b, grid); break;
    default: throw CudaFailure{"unsupported k-step count", false};
  }
}

void enqueue(Index* ix, Slot& s, int n, int k, float b) {
  const int d = ix->d;
  check(cudaMemcpyAsync(s.dQueries, s.hQueries, sizeof(float) * (size_t)n * d,
                        cudaMemcpyHostToDevice, s.stream), "cudaMemcpyAsync(queries)");
  check(cudaMemcpyAsync(s.dA, s.hA, sizeof(float) * n, cudaMemcpyHostToDevice, s.stream),
        "cudaMemcpyAsync(a)");
  check(cudaMemcpyAsync(s.dC, s.hC, sizeof(float) * n, cudaMemcpyHostToDevice, s.stream),
        "cudaMemcpyAsync(c)");
  check(cudaMemsetAsync(s.dCount, 0, sizeof(int) * n, s.stream), "cudaMemsetAsync(count)");
  if (ix->timing) cudaEventRecord(s.ev[0], s.stream);
  const int qtiles = (n + 15) / 16;
  {
    const int total = qtiles * ix->ks * 32;
    const int blocks = (total + 255) / 256;
    packQueries<<<blocks, 256, 0, s.stream>>>(s.dQueries, n, d, ix->ks, qtiles, s.dQfrag,
                                              s.dUpper);
    checkLaunch("packQueries launch");
  }
  const int tilesPerBlock = ix->warps * ix->mt;
  const int bx = (qtiles + tilesPerBlock - 1) / tilesPerBlock;
  int splits = (8 * ix->sms + bx - 1) / bx;
  const int maxSplits = ix->groups / 64 > 1 ? ix->groups / 64 : 1;
  if (splits > 64) splits = 64;
  if (splits > maxSplits) splits = maxSplits;
  if (splits < 1) splits = 1;
  dim3 grid(bx, splits);
  if (ix->timing) cudaEventRecord(s.ev[1], s.stream);
  if (ix->warps == 16) {
    if (k == 1) dispatchScreen<1, 16>(ix, s, n, b, grid);
    else dispatchScreen<2, 16>(ix, s, n, b, grid);
  } else if (ix->warps == 8) {
    if (k == 1) dispatchScreen<1, 8>(ix, s, n, b, grid);
    else dispatchScreen<2, 8>(ix, s, n, b, grid);
  } else {
    if (k == 1) dispatchScreen<1, 4>(ix, s, n, b, grid);
    else dispatchScreen<2, 4>(ix, s, n, b, grid);
  }
  checkLaunch("screen launch");
  if (ix->timing) cudaEventRecord(s.ev[2], s.stream);
  const int warpsPerBlock = 8;
  const int rblocks = (n + warpsPerBlock - 1) / warpsPerBlock;
  if (k == 1) {
    rerank<1><<<rblocks, warpsPerBlock * 32, 0, s.stream>>>(s.dQueries, n, d, ix->dW, s.dCount,
                                                            s.dCand, s.dUpper, s.dIds, s.dStatus);
  } else {
    rerank<2><<<rblocks, warpsPerBlock * 32, 0, s.stream>>>(s.dQueries, n, d, ix->dW, s.dCount,
                                                            s.dCand, s.dUpper, s.dIds, s.dStatus);
  }
  checkLaunch("rerank launch");
  if (ix->timing) cudaEventRecord(s.ev[3], s.stream);
  check(cudaMemcpyAsync(s.hIds, s.dIds, sizeof(int) * (size_t)n * k, cudaMemcpyDeviceToHost,
                        s.stream), "cudaMemcpyAsync(ids)");
  check(cudaMemcpyAsync(s.hStatus, s.dStatus, sizeof(int) * n, cudaMemcpyDeviceToHost, s.stream),
        "cudaMemcpyAsync(status)");
  check(cudaMemcpyAsync(s.hCount, s.dCount, sizeof(int) * n, cudaMemcpyDeviceToHost, s.stream),
        "cudaMemcpyAsync(count)");
}

void throwJava(JNIEnv* env, const CudaFailure& f) {
  const char* cls = f.unavailable ? "io/dxrewrite/gpu/GpuUnavailableException"
                                  : "io/dxrewrite/gpu/GpuException";
  jclass c = env->FindClass(cls);
  if (c) env->ThrowNew(c, f.message.c_str());
}

void throwJava(JNIEnv* env, const char* message) {
  throwJava(env, CudaFailure{message, false});
}

}  // namespace

extern "C" {

JNIEXPORT jstring JNICALL Java_io_dxrewrite_gpu_CudaNative_probe(JNIEnv* env, jclass,
                                                                 jint device) {
  try {
    int driverVersion = 0;
    if (cudaDriverGetVersion(&driverVersion) != cudaSuccess || driverVersion == 0) {
      throw CudaFailure{"no NVIDIA driver is installed (libcuda.so.1 not found); the GPU index "
                        "needs one, the CPU indexes do not", true};
    }
    int n = 0;
    check(cudaGetDeviceCount(&n), "cudaGetDeviceCount");
    if (n == 0) throw CudaFailure{"no CUDA device found", true};
    if (device < 0 || device >= n) {
      throw CudaFailure{"CUDA device " + std::to_string(device) + " does not exist (" +
                            std::to_string(n) + " present)", true};
    }
    cudaDeviceProp p;
    check(cudaGetDeviceProperties(&p, device), "cudaGetDeviceProperties");
    int runtime = 0, driver = 0;
    cudaRuntimeGetVersion(&runtime);
    cudaDriverGetVersion(&driver);
    std::string s = std::string(p.name) + "|" + std::to_string(p.major) + "." +
                    std::to_string(p.minor) + "|" + std::to_string(p.multiProcessorCount) + "|" +
                    std::to_string(p.totalGlobalMem) + "|" + std::to_string(runtime) + "|" +
                    std::to_string(driver) + "|" + std::to_string(n);
    return env->NewStringUTF(s.c_str());
  } catch (const CudaFailure& f) {
    throwJava(env, f);
    return nullptr;
  }
}

JNIEXPORT jint JNICALL Java_io_dxrewrite_gpu_CudaNative_candidateCapacity(JNIEnv*, jclass) {
  return CAP;
}

JNIEXPORT jint JNICALL Java_io_dxrewrite_gpu_CudaNative_chunkSize(JNIEnv*, jclass) {
  return CHUNK;
}

JNIEXPORT jlong JNICALL Java_io_dxrewrite_gpu_CudaNative_create(JNIEnv* env, jclass, jint device,
                                                                jobject matrix,
                                                                jfloatArray squaredNorms,
                                                                jfloatArray norms, jint v,
                                                                jint d, jint warps) {
  Index* ix = nullptr;
  try {
    const int ks = kStepsFor(d);
    if (ks < 0 || d < 1) throw CudaFailure{"dimension must be in [1, " + std::to_string(kMaxDimension) + "]", false};
    const float* host = static_cast<const float*>(env->GetDirectBufferAddress(matrix));
    if (!host) throw CudaFailure{"matrix must be a direct buffer", false};
    if (env->GetDirectBufferCapacity(matrix) < (jlong)v * d) {
      throw CudaFailure{"matrix buffer is smaller than V*d", false};
    }
    check(cudaSetDevice(device), "cudaSetDevice");
    cudaDeviceProp p;
    check(cudaGetDeviceProperties(&p, device), "cudaGetDeviceProperties");
    if (p.major < 8) {
      throw CudaFailure{std::string("GPU ") + p.name + " has compute capability " +
                            std::to_string(p.major) + "." + std::to_string(p.minor) +
                            "; bf16 tensor cores need 8.0 or newer", true};
    }
    ix = new Index();
    ix->device = device;
    ix->v = v;
    ix->d = d;
    ix->ks = ks;
    ix->mt = ks <= 8 ? 2 : 1;
    ix->groups = (v + 7) / 8;
    ix->warps = (warps == 8 || warps == 16) ? warps : 4;
    ix->sms = p.multiProcessorCount;
    const char* timing = std::getenv("DXGPU_TIMING");
    ix->timing = timing != nullptr && timing[0] == '1';
    const size_t vpad = (size_t)ix->groups * 8;
    check(cudaMalloc(&ix->dW, sizeof(float) * (size_t)v * d), "cudaMalloc(matrix)");
    check(cudaMemcpy(ix->dW, host, sizeof(float) * (size_t)v * d, cudaMemcpyHostToDevice),
          "cudaMemcpy(matrix)");
    check(cudaMalloc(&ix->dWfrag, sizeof(uint2) * (size_t)ix->groups * ks * 32),
          "cudaMalloc(bf16 fragments)");
    packWords<<<4 * ix->sms, 256>>>(ix->dW, v, d, ks, ix->groups, ix->dWfrag);
    checkLaunch("packWords launch");
    std::vector<float> nw(vpad, INFINITY), wn(vpad, 0.0f);
    env->GetFloatArrayRegion(squaredNorms, 0, v, nw.data());
    env->GetFloatArrayRegion(norms, 0, v, wn.data());
    if (env->ExceptionCheck()) {
      freeIndex(ix);
      return 0;
    }
    check(cudaMalloc(&ix->dNw, sizeof(float) * vpad), "cudaMalloc(squared norms)");
    check(cudaMalloc(&ix->dWn, sizeof(float) * vpad), "cudaMalloc(norms)");
    check(cudaMemcpy(ix->dNw, nw.data(), sizeof(float) * vpad, cudaMemcpyHostToDevice),
          "cudaMemcpy(squared norms)");
    check(cudaMemcpy(ix->dWn, wn.data(), sizeof(float) * vpad, cudaMemcpyHostToDevice),
          "cudaMemcpy(norms)");
    const int maxTiles = CHUNK / 16;
    for (Slot& s : ix->slots) {
      check(cudaStreamCreateWithFlags(&s.stream, cudaStreamNonBlocking), "cudaStreamCreate");
      if (ix->timing) {
        for (cudaEvent_t& e : s.ev) check(cudaEventCreate(&e), "cudaEventCreate");
      }
      check(cudaMallocHost(&s.hQueries, sizeof(float) * (size_t)CHUNK * d), "cudaMallocHost");
      check(cudaMallocHost(&s.hA, sizeof(float) * CHUNK), "cudaMallocHost");
      check(cudaMallocHost(&s.hC, sizeof(float) * CHUNK), "cudaMallocHost");
      check(cudaMallocHost(&s.hIds, sizeof(int) * CHUNK * 2), "cudaMallocHost");
      check(cudaMallocHost(&s.hStatus, sizeof(int) * CHUNK), "cudaMallocHost");
      check(cudaMallocHost(&s.hCount, sizeof(int) * CHUNK), "cudaMallocHost");
      check(cudaMalloc(&s.dQueries, sizeof(float) * (size_t)CHUNK * d), "cudaMalloc(queries)");
      check(cudaMalloc(&s.dA, sizeof(float) * CHUNK), "cudaMalloc(a)");
      check(cudaMalloc(&s.dC, sizeof(float) * CHUNK), "cudaMalloc(c)");
      check(cudaMalloc(&s.dQfrag, sizeof(uint4) * (size_t)(maxTiles + 2) * ks * 32),
            "cudaMalloc(query fragments)");
      check(cudaMalloc(&s.dUpper, sizeof(int) * CHUNK), "cudaMalloc(upper)");
      check(cudaMalloc(&s.dCount, sizeof(int) * CHUNK), "cudaMalloc(count)");
      check(cudaMalloc(&s.dCand, sizeof(int2) * (size_t)CHUNK * CAP), "cudaMalloc(candidates)");
      check(cudaMalloc(&s.dIds, sizeof(int) * CHUNK * 2), "cudaMalloc(ids)");
      check(cudaMalloc(&s.dStatus, sizeof(int) * CHUNK), "cudaMalloc(status)");
    }
    check(cudaDeviceSynchronize(), "index upload");
    return reinterpret_cast<jlong>(ix);
  } catch (const CudaFailure& f) {
    freeIndex(ix);
    throwJava(env, f);
    return 0;
  }
}

JNIEXPORT void JNICALL Java_io_dxrewrite_gpu_CudaNative_search(
    JNIEnv* env, jclass, jlong handle, jfloatArray queries, jint count, jint k, jfloatArray a,
    jfloatArray c, jfloat b, jintArray ids, jintArray status, jintArray candidates) {
  Index* ix = reinterpret_cast<Index*>(handle);
  if (!ix) {
    throwJava(env, "GPU index is closed");
    return;
  }
  if (k < 1 || k > 2) {
    throwJava(env, "GPU kernel supports k = 1 or 2");
    return;
  }
  try {
    check(cudaSetDevice(ix->device), "cudaSetDevice");
    const int d = ix->d;
    auto drain = [&](Slot& s) {
      if (!s.busy) return;
      check(cudaStreamSynchronize(s.stream), "GPU search");
      if (ix->timing) {
        float ms[3] = {0, 0, 0};
        for (int e = 0; e < 3; ++e) cudaEventElapsedTime(&ms[e], s.ev[e], s.ev[e + 1]);
        ix->packMs += ms[0];
        ix->screenMs += ms[1];
        ix->rerankMs += ms[2];
        ix->timedQueries += s.n;
      }
      env->SetIntArrayRegion(ids, (jsize)s.offset * k, (jsize)s.n * k, s.hIds);
      env->SetIntArrayRegion(status, s.offset, s.n, s.hStatus);
      env->SetIntArrayRegion(candidates, s.offset, s.n, s.hCount);
      s.busy = false;
    };
    int chunkIndex = 0;
    for (int offset = 0; offset < count; offset += CHUNK, ++chunkIndex) {
      Slot& s = ix->slots[chunkIndex & 1];
      drain(s);
      if (env->ExceptionCheck()) return;
      const int n = count - offset < CHUNK ? count - offset : CHUNK;
      env->GetFloatArrayRegion(queries, (jsize)((long long)offset * d), (jsize)((long long)n * d),
                               s.hQueries);
      env->GetFloatArrayRegion(a, offset, n, s.hA);
      env->GetFloatArrayRegion(c, offset, n, s.hC);
      if (env->ExceptionCheck()) return;
      s.offset = offset;
      s.n = n;
      enqueue(ix, s, n, k, b);
      s.busy = true;
    }
    drain(ix->slots[0]);
    drain(ix->slots[1]);
  } catch (const CudaFailure& f) {
    for (Slot& s : ix->slots) {
      if (s.stream) cudaStreamSynchronize(s.stream);
      s.busy = false;
    }
    throwJava(env, f);
  }
}

JNIEXPORT void JNICALL Java_io_dxrewrite_gpu_CudaNative_destroy(JNIEnv*, jclass, jlong handle) {
  freeIndex(reinterpret_cast<Index*>(handle));
}

}  // extern "C"
