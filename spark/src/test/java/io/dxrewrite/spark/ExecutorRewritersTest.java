package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.StoreFormatException;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.nn.SimdExactIndex;
import io.dxrewrite.nn.SubsetIndex;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * The kernel the job asks for is the one executors build and search with (before, every
   * executor built ND4J whatever was asked), both for the full index and for the index over the
   * output vocabulary.
   */
  @Test
  void executorsBuildTheRequestedKernelOverTheOutputVocabulary() {
    String[] words = StoreFixtures.words(60);
    words[3] = ",";
    words[7] = "1990";
    EmbeddingStore fixture = StoreFixtures.gaussianStore(dir, words, 8, 6);
    StoreLocation location = StoreLocation.file(fixture.path().toString());
    for (IndexKind kind : List.of(IndexKind.SIMD, IndexKind.ND4J)) {
      MechanismContext context =
          ExecutorRewriters.get(location, kind, OutputVocabulary.LETTERS).context();
      Class<?> expected = kind == IndexKind.SIMD ? SimdExactIndex.class : Nd4jExactIndex.class;
      assertThat(context.index()).as(kind.name()).isInstanceOf(expected);
      assertThat(context.outputIndex()).isInstanceOf(SubsetIndex.class);
      assertThat(((SubsetIndex) context.outputIndex()).inner()).as(kind.name()).isInstanceOf(expected);
      assertThat(context.allowedOutputs().cardinality()).isEqualTo(58);
      assertThat(context.allowedOutputs().get(3)).isFalse();
      long before = context.searchedQueries();
      ExecutorRewriters.get(location, kind, OutputVocabulary.LETTERS)
          .rewrite("w1 w2 w3", io.dxrewrite.rewrite.RewriteOptions.builder().epsilon(1).seed(1).build());
      assertThat(context.searchedQueries()).isGreaterThan(before);
    }
    assertThat(ExecutorRewriters.get(location, IndexKind.ND4J, OutputVocabulary.ALL).context().outputIndex())
        .isInstanceOf(Nd4jExactIndex.class);
  }
}
