package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.nn.IndexProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The job's runtime class path (what target/dx-rewrite-spark.jar shades) registers a provider for
 * every kernel {@code RewriteJob --index} offers, so that executors can build each of them; before,
 * {@code --index gpu} failed on every executor because the job jar lacked the GPU module.
 */
class JobKernelsTest {
  @Test
  void everyIndexTheJobOffersHasAProvider() {
    List<String> kinds = new ArrayList<>();
    for (IndexProvider p : ServiceLoader.load(IndexProvider.class)) {
      kinds.add(p.kind());
    }
    assertThat(kinds).containsExactlyInAnyOrder("simd", "simd-pruned", "nd4j", "gpu");
  }
}
