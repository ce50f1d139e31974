package io.dxrewrite.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DefaultEmbeddingsTest {
  @Test
  void embeddedDefaultIsTheRealGloveSubset() {
    EmbeddingStore store = DefaultEmbeddings.open();
    assertThat(store.size()).isEqualTo(20_000);
    assertThat(store.dimension()).isEqualTo(100);
    assertThat(store.vocabulary().word(0)).isEqualTo("the");
    // GloVe 6B 100d: the vector of "king" starts -0.32307, -0.87616, 0.21977 (shared/docs/data.md)
    float[] king = store.vector(store.vocabulary().id("king"));
    assertThat(king[0]).isCloseTo(-0.32307f, within(1e-6f));
    assertThat(king[1]).isCloseTo(-0.87616f, within(1e-6f));
    assertThat(king[2]).isCloseTo(0.21977f, within(1e-6f));
    assertThat(DefaultEmbeddings.open()).isSameAs(store);
  }
}
