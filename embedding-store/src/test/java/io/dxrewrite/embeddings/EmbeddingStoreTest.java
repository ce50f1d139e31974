package io.dxrewrite.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingStoreTest {
  @TempDir Path dir;

  private EmbeddingTable table() {
    String[] words = {"the", "köln", "東京", "naïve", "emoji😀", "x"};
    float[] vectors = new float[words.length * 3];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = (float) Math.sin(i * 1.7) * (i + 1);
    }
    return new EmbeddingTable(words, vectors, 3, "unit test");
  }

  @Test
  void writtenStoreReopensWithEqualVocabularyVectorsAndNorms() {
    EmbeddingTable table = table();
    Path file = dir.resolve("s.dxemb");
    EmbeddingStoreWriter.write(table, file);
    EmbeddingStore store = EmbeddingStore.open(file);

    assertThat(store.size()).isEqualTo(6);
    assertThat(store.dimension()).isEqualTo(3);
    assertThat(store.source()).isEqualTo("unit test");
    for (int i = 0; i < table.size(); i++) {
      String word = table.words()[i];
      assertThat(store.vocabulary().word(i)).isEqualTo(word);
      assertThat(store.vocabulary().id(word)).isEqualTo(i);
      float[] expected = Arrays.copyOfRange(table.vectors(), i * 3, i * 3 + 3);
      assertThat(store.vector(i)).containsExactly(expected);
      double sq = 0;
      for (float x : expected) {
        sq += (double) x * x;
      }
      assertThat(store.squaredNorm(i)).isEqualTo((float) sq);
    }
    assertThat(store.vocabulary().id("The")).isEqualTo(Vocabulary.NOT_FOUND);
    assertThat(store.vocabulary().id("absent")).isEqualTo(Vocabulary.NOT_FOUND);
  }

  @Test
  void meanVectorIsTheComponentwiseMean() {
    EmbeddingTable table = table();
    Path file = dir.resolve("m.dxemb");
    EmbeddingStoreWriter.write(table, file);
    float[] mean = EmbeddingStore.open(file).meanVector();
    for (int j = 0; j < 3; j++) {
      double sum = 0;
      for (int i = 0; i < table.size(); i++) {
        sum += table.vectors()[i * 3 + j];
      }
      assertThat(mean[j]).isEqualTo((float) (sum / table.size()));
    }
  }

  @Test
  void truncatedFileIsRefusedNamingTheFile() throws IOException {
    Path file = dir.resolve("t.dxemb");
    EmbeddingStoreWriter.write(table(), file);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 7);
    }
    assertThatThrownBy(() -> EmbeddingStore.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void fileShorterThanTheHeaderIsRefused() throws IOException {
    Path file = dir.resolve("short.dxemb");
    Files.write(file, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> EmbeddingStore.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("shorter than the header");
  }

  @Test
  void flippedMatrixByteIsRefusedAsChecksumMismatch() throws IOException {
    Path file = dir.resolve("c.dxemb");
    EmbeddingStoreWriter.write(table(), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 30] ^= 0x10; // inside the matrix or norms
    Files.write(file, bytes);
    assertThatThrownBy(() -> EmbeddingStore.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void wrongFormatVersionIsRefused() throws IOException {
    Path file = dir.resolve("v.dxemb");
    EmbeddingStoreWriter.write(table(), file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
    Files.write(file, bytes);
    assertThatThrownBy(() -> EmbeddingStore.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("format version 99 is not supported");
  }

  @Test
  void otherFilesAreRefusedAsBadMagic() throws IOException {
    Path file = dir.resolve("text.dxemb");
    Files.writeString(file, "the 0.1 0.2 0.3\n".repeat(20));
    assertThatThrownBy(() -> EmbeddingStore.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("bad magic");
  }

  @Test
  void missingFileIsRefused() {
    Path file = dir.resolve("absent.dxemb");
    assertThatThrownBy(() -> EmbeddingStore.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void duplicateWordsAreRejectedByTheVocabulary() {
    assertThatThrownBy(() -> Vocabulary.of(new String[] {"a", "b", "a"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id 2 repeats the word at id 0");
  }

  @Test
  void vocabularyFindsEveryWordOfALargeVocabulary() {
    String[] words = StoreFixtures.words(50_000);
    Vocabulary vocabulary = Vocabulary.of(words);
    for (int i = 0; i < words.length; i++) {
      assertThat(vocabulary.id(words[i])).isEqualTo(i);
    }
    assertThat(vocabulary.id("w50000")).isEqualTo(Vocabulary.NOT_FOUND);
  }
}
