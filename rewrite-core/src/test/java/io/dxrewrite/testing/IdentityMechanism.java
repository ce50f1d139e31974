package io.dxrewrite.testing;

import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.WordBatch;

/**
 * A test-only "mechanism" that returns every input word unchanged (no privacy at all), so tests
 * can check what the rewriter does around the mechanism: tokenization, casing, the entity layer.
 * Never registered in {@code Mechanisms}.
 */
public final class IdentityMechanism implements Mechanism {
  @Override
  public String name() {
    return "identity";
  }

  @Override
  public double epsilon() {
    return 1;
  }

  @Override
  public int[] perturb(WordBatch batch) {
    return batch.ids().clone();
  }
}
