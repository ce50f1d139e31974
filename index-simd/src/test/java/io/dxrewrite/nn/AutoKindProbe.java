package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.error.DxRewriteException;
import java.nio.file.Path;

/**
 * Test helper run in a child JVM started without {@code --add-modules jdk.incubator.vector}: prints
 * whether SIMD can run, what {@link IndexKind#AUTO} builds twice (the fallback warning must appear
 * once) or why it cannot, and the message of an explicit {@link IndexKind#SIMD}.
 */
public final class AutoKindProbe {
  private AutoKindProbe() {}

  /**
   * @param args one folder for the synthetic store
   */
  public static void main(String[] args) {
    EmbeddingStore store =
        StoreFixtures.gaussianStore(Path.of(args[0]), StoreFixtures.words(40), 6, 4);
    System.out.println("simdAvailable=" + IndexKind.simdAvailable());
    try (NearestNeighbourIndex auto = IndexKind.AUTO.create(store);
        NearestNeighbourIndex again = IndexKind.AUTO.create(store)) {
      if (!auto.name().equals(again.name())) {
        throw new IllegalStateException("AUTO built two different kinds");
      }
      System.out.println("auto=" + auto.name());
    } catch (DxRewriteException e) {
      System.out.println("auto=" + e.getMessage());
    }
    try {
      IndexKind.SIMD.create(store);
      System.out.println("simd=built");
    } catch (DxRewriteException e) {
      System.out.println("simd=" + e.getMessage());
    }
  }
}
