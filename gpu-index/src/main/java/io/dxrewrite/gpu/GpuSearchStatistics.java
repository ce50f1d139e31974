package io.dxrewrite.gpu;

/**
 * Counters of a {@link GpuNearestNeighbourIndex} since it was opened.
 *
 * @param queries queries answered
 * @param candidates words screened in by the tensor-core pass and reranked in float64, summed
 * @param maxCandidates the most candidates of one query
 * @param cpuFallbacks queries answered by the CPU index instead (candidate overflow, k > 2, or a
 *     screening failure)
 * @param screeningFailures queries for which the kernel kept fewer than k candidates; this cannot
 *     happen when the bound holds, so any count here is a bug (those queries were answered on the
 *     CPU, so results stay exact)
 */
public record GpuSearchStatistics(
    long queries, long candidates, int maxCandidates, long cpuFallbacks, long screeningFailures) {
  /**
   * @return mean candidates per query answered on the GPU (0 when none)
   */
  public double meanCandidates() {
    long onGpu = queries - cpuFallbacks;
    return onGpu <= 0 ? 0 : candidates / (double) onGpu;
  }
}
