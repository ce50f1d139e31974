package io.dxrewrite.bench;

/**
 * One implementation's timed run over the benchmark corpus.
 *
 * @param implementation what ran, e.g. "dx-rewrite (nd4j-gemm)" or "numpy 2.4.6"
 * @param words words looked up in the index (every word of the corpus)
 * @param seconds wall time of the rewriting, excluding start-up and loading
 * @param peakRssMb peak resident set size of the process, in MiB
 */
public record RunResult(String implementation, long words, double seconds, double peakRssMb) {
  /**
   * @return words per second
   */
  public double wordsPerSecond() {
    return words / seconds;
  }

  /**
   * @param vocabularySize V
   * @param dimension d
   * @return achieved GFLOP/s counting 2 V d FLOPs per looked-up word
   */
  public double gflops(int vocabularySize, int dimension) {
    return 2.0 * vocabularySize * dimension * words / seconds / 1e9;
  }
}
