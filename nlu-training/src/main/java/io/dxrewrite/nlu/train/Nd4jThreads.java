package io.dxrewrite.nlu.train;

import java.util.function.Supplier;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J thread settings for training. The classifier's matrices are small (B x 100 by 100 x 128),
 * where ND4J's OpenMP threads cost more than they save, and on a loaded machine their spin-waits
 * made every op 10-100x slower in our measurements. Training therefore runs ND4J single-threaded
 * and restores the previous setting afterwards (the rewriter's large GEMMs want all cores).
 */
public final class Nd4jThreads {
  private Nd4jThreads() {}

  /** Limits ND4J's native ops in this process to one thread (for benchmarks). */
  public static void useOne() {
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
  }

  /**
   * @param work the work to run with ND4J single-threaded
   * @param <T> its result type
   * @return its result; the previous thread limits are restored even if it throws
   */
  public static synchronized <T> T singleThreaded(Supplier<T> work) {
    Environment env = Nd4j.getEnvironment();
    int threads = env.maxThreads();
    int master = env.maxMasterThreads();
    useOne();
    try {
      return work.get();
    } finally {
      env.setMaxThreads(threads);
      env.setMaxMasterThreads(master);
    }
  }
}
