package io.dxrewrite.embeddings.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.error.StoreFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportersTest {
  @TempDir Path dir;

  private static final String[] WORDS = {"the", "cat", "sat", "naïve"};
  private static final float[][] VECTORS = {
    {0.1f, -0.2f, 0.3f}, {1.5f, 2.25f, -3.125f}, {-0.001f, 0f, 7f}, {4f, 5f, 6f}
  };

  private static String textLines() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < WORDS.length; i++) {
      sb.append(WORDS[i]);
      for (float x : VECTORS[i]) {
        sb.append(' ').append(x);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void assertMatches(EmbeddingTable table, int n) {
    assertThat(table.size()).isEqualTo(n);
    assertThat(table.dimension()).isEqualTo(3);
    for (int i = 0; i < n; i++) {
      assertThat(table.words()[i]).isEqualTo(WORDS[i]);
      for (int j = 0; j < 3; j++) {
        assertThat(table.vectors()[i * 3 + j]).isEqualTo(VECTORS[i][j]);
      }
    }
  }

  @Test
  void gloveTextImports() throws IOException {
    Path file = dir.resolve("g.txt");
    Files.writeString(file, textLines());
    assertMatches(EmbeddingFormat.GLOVE.importer().read(file, Integer.MAX_VALUE), 4);
  }

  @Test
  void maxWordsKeepsTheMostFrequentPrefix() throws IOException {
    Path file = dir.resolve("g.txt");
    Files.writeString(file, textLines());
    assertMatches(EmbeddingFormat.GLOVE.importer().read(file, 2), 2);
  }

  @Test
  void word2vecTextWithHeaderImports() throws IOException {
    Path file = dir.resolve("w.txt");
    Files.writeString(file, "4 3\n" + textLines());
    assertMatches(EmbeddingFormat.WORD2VEC.importer().read(file, Integer.MAX_VALUE), 4);
  }

  @Test
  void word2vecBinaryAndItsGzipImportToTheSameVectors() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("4 3\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < WORDS.length; i++) {
      out.write((WORDS[i] + " ").getBytes(StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      for (float x : VECTORS[i]) {
        b.putFloat(x);
      }
      out.write(b.array());
      out.write('\n');
    }
    Path file = dir.resolve("w.bin");
    Files.write(file, out.toByteArray());
    assertMatches(EmbeddingFormat.WORD2VEC_BIN.importer().read(file, Integer.MAX_VALUE), 4);

    Path gz = dir.resolve("w.bin.gz");
    try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(gz))) {
      z.write(out.toByteArray());
    }
    assertMatches(EmbeddingFormat.WORD2VEC_BIN.importer().read(gz, Integer.MAX_VALUE), 4);

    Path truncated = dir.resolve("t.bin");
    byte[] all = out.toByteArray();
    Files.write(truncated, java.util.Arrays.copyOf(all, all.length - 10));
    assertThatThrownBy(() -> EmbeddingFormat.WORD2VEC_BIN.importer().read(truncated, Integer.MAX_VALUE))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void winkJsonDropsTheNormAndIndexFieldsAndFollowsTheWordsOrder() throws IOException {
    StringBuilder json = new StringBuilder("{\"dimensions\":3,\"words\":[");
    for (int i = 0; i < WORDS.length; i++) {
      json.append(i > 0 ? "," : "").append('"').append(WORDS[i]).append('"');
    }
    json.append("],\"vectors\":{");
    // vectors object in another order than words, as in the npm package
    int[] order = {2, 0, 3, 1};
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      json.append(k > 0 ? "," : "").append('"').append(WORDS[i]).append("\":[");
      for (float x : VECTORS[i]) {
        json.append(x).append(',');
      }
      json.append("9.99,").append(i).append(']');
    }
    json.append("},\"unkVector\":[0,0,0,0,-1]}");
    Path file = dir.resolve("wink.json");
    Files.writeString(file, json.toString());
    assertMatches(EmbeddingFormat.WINK_JSON.importer().read(file, Integer.MAX_VALUE), 4);
    assertMatches(EmbeddingFormat.WINK_JSON.importer().read(file, 3), 3);
  }

  @Test
  void malformedLinesAreRefusedWithTheLineNumber() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "a 1 2 3\nb 1 2\n");
    assertThatThrownBy(() -> EmbeddingFormat.GLOVE.importer().read(file, Integer.MAX_VALUE))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected 3 values");
    Path nan = dir.resolve("nan.txt");
    Files.writeString(nan, "a 1 2 3\nb 1 NaN 2\n");
    assertThatThrownBy(() -> EmbeddingFormat.GLOVE.importer().read(nan, Integer.MAX_VALUE))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("not finite");
  }

  @Test
  void aTextFileIsNotWord2vecBinary() throws IOException {
    Path file = dir.resolve("g.txt");
    Files.writeString(file, textLines());
    assertThatThrownBy(() -> EmbeddingFormat.WORD2VEC_BIN.importer().read(file, Integer.MAX_VALUE))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("not word2vec binary");
  }

  @Test
  void unknownFormatNamesTheAllowedOnes() {
    assertThatThrownBy(() -> EmbeddingFormat.fromCliName("bert"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("glove, word2vec, word2vec-bin, wink-json");
  }
}
