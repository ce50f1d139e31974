package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.StoreFormatException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorRewritersTest {
  @TempDir Path dir;

  @Test
  void oneRewriterPerStorePathAndChecksum() {
    EmbeddingStore fixture = StoreFixtures.gaussianStore(dir, StoreFixtures.words(50), 8, 5);
    StoreLocation location = StoreLocation.file(fixture.path().toString());
    assertThat(location.checksum()).isEqualTo(fixture.checksum());
    assertThat(ExecutorRewriters.get(location)).isSameAs(ExecutorRewriters.get(location));
    assertThat(ExecutorRewriters.get(location).store().size()).isEqualTo(50);
    assertThat(ExecutorRewriters.get(StoreLocation.embeddedDefault()))
        .isNotSameAs(ExecutorRewriters.get(location));
  }

  @Test
  void anExecutorWithADifferentStoreRefusesIt() {
    EmbeddingStore fixture = StoreFixtures.gaussianStore(dir, StoreFixtures.words(50), 8, 5);
    StoreLocation stale = new StoreLocation(fixture.path().toString(), fixture.checksum() ^ 1);
    assertThatThrownBy(() -> ExecutorRewriters.get(stale))
        .isInstanceOf(DxRewriteException.class)
        .hasMessageContaining("driver verified")
        .hasMessageContaining("every executor must read the same store");
  }

  @Test
  void aStoreMissingOnTheExecutorIsNamed() {
    Path gone = dir.resolve("gone.dxemb");
    assertThatThrownBy(() -> new StoreLocation(gone.toString(), 1).open())
        .isInstanceOf(StoreFormatException.class)
        .hasMessageStartingWith(gone.toAbsolutePath() + ": no such file on this executor");
  }
}
