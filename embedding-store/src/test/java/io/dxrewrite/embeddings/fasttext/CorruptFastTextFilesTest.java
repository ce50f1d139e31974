package io.dxrewrite.embeddings.fasttext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad files must give a clear {@link StoreFormatException}, never reach the native loader: JFastText
 * 0.5 aborts the JVM (SIGABRT in {@code Model::setTargetCounts}) on a truncated {@code .bin}, so
 * without the header check these tests would kill the test JVM.
 */
class CorruptFastTextFilesTest {
  @TempDir Path dir;

  private byte[] real() throws IOException {
    return Files.readAllBytes(FastTextFixtures.wordNetModel());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  /** Cut inside the magic, the args, the dictionary, the input matrix, and one byte short. */
  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.000001, 0.00002, 0.005, 0.5, 0.999999})
  void truncatedModelsAreRefused(double keep) throws IOException {
    byte[] bytes = real();
    int length = (int) Math.min(bytes.length - 1L, Math.round(bytes.length * keep));
    Path file = write("cut.bin", Arrays.copyOf(bytes, length));
    assertThatThrownBy(() -> FastTextModel.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageStartingWith(file.toAbsolutePath().toString())
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .containsAnyOf("truncated", "not a fastText model", "corrupted"));
  }

  @Test
  void wrongMagicIsRefused() throws IOException {
    byte[] bytes = real();
    bytes[0] ^= 0x55;
    Path file = write("magic.bin", bytes);
    assertThatThrownBy(() -> FastTextModel.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("bad magic number");
  }

  @Test
  void otherFormatVersionIsRefused() throws IOException {
    byte[] bytes = real();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 11);
    Path file = write("v11.bin", bytes);
    assertThatThrownBy(() -> FastTextModel.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("version 11 is not supported");
  }

  @Test
  void aTextFilePassedAsBinIsRefused() {
    Path vec = FastTextFixtures.wordNetVec();
    assertThatThrownBy(() -> FastTextModel.open(vec))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("not a fastText model");
    assertThat(FastTextHeader.looksLikeFastText(vec)).isFalse();
    assertThat(FastTextHeader.looksLikeFastText(FastTextFixtures.wordNetModel())).isTrue();
  }

  @Test
  void trailingBytesAreRefused() throws IOException {
    byte[] bytes = real();
    Path file = write("long.bin", Arrays.copyOf(bytes, bytes.length + 3));
    assertThatThrownBy(() -> FastTextModel.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("3 trailing bytes");
  }

  @Test
  void absurdDimensionIsRefusedBeforeAnyAllocation() throws IOException {
    byte[] bytes = real();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 1 << 30);
    Path file = write("dim.bin", bytes);
    assertThatThrownBy(() -> FastTextModel.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("dimension");
  }

  @Test
  void missingFileIsRefused() {
    Path file = dir.resolve("nothing.bin");
    assertThatThrownBy(() -> FastTextModel.open(file))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("no such file");
  }
}
