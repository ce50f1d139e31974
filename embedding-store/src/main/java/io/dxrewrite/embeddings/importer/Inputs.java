package io.dxrewrite.embeddings.importer;

import io.dxrewrite.error.StoreFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens an import file, transparently un-gzipping it when it starts with the gzip magic. */
final class Inputs {
  private Inputs() {}

  static InputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      if (!Files.exists(file)) {
        throw new StoreFormatException(file, "no such file");
      }
      throw new StoreFormatException(file, "not a regular file");
    }
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new StoreFormatException(file, "no such file");
    }
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }
}
