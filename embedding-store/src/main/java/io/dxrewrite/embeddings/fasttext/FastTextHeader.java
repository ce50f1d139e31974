package io.dxrewrite.embeddings.fasttext;

import io.dxrewrite.embeddings.ImportedWord;
import io.dxrewrite.error.StoreFormatException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The structure of a fastText model file ({@code .bin}, or quantized {@code .ftz}), read and
 * checked in Java before the file is handed to the native library.
 *
 * <p>Why: fastText's C++ loader trusts the file. On a truncated {@code .bin} JFastText 0.5 aborts
 * the whole JVM ({@code Assertion 'counts.size() == osz_' failed}, SIGABRT, seen here), and a
 * dictionary cut short makes its word-reading loop run forever. {@link #read(Path)} therefore walks
 * the complete layout of fastText 0.9.2 ({@code FastText::loadModel}: magic, version, {@code
 * Args::load}, {@code Dictionary::load}, then the input and output matrices, dense or product
 * quantized) and checks that every size fits and that the file ends exactly where the output
 * matrix ends. All integers are little-endian, as fastText writes them on x86-64.
 *
 * @param version file format version (12 for fastText 0.9.x)
 * @param dimension d, the number of components per vector
 * @param model 1 cbow, 2 skipgram, 3 supervised
 * @param bucket number of hashed n-gram buckets
 * @param minn shortest character n-gram (0 with {@code maxn} 0: no subwords)
 * @param maxn longest character n-gram; 0 means the model has no subword vectors
 * @param words number of words in the dictionary
 * @param labels number of labels (supervised models)
 * @param quantized whether the input matrix is product-quantized ({@code .ftz})
 * @param fileSize the file's size in bytes
 */
public record FastTextHeader(
    int version,
    int dimension,
    int model,
    int bucket,
    int minn,
    int maxn,
    int words,
    int labels,
    boolean quantized,
    long fileSize) {

  /** The magic number that opens every fastText model file. */
  public static final int MAGIC = 793712314;

  /** The only format version read: the one fastText 0.9.x writes. */
  public static final int VERSION = 12;

  private static final int MAX_DIMENSION = 100_000;
  private static final int MAX_WORD_BYTES = 4096;
  private static final int KSUB = 256;

  /**
   * @return whether the model has character n-gram (subword) vectors ({@code maxn > 0})
   */
  public boolean hasSubwords() {
    return maxn > 0;
  }

  /**
   * Whether a file starts with the fastText magic number (a cheap test, not a validation).
   *
   * @param file any file
   * @return true if its first four bytes are {@link #MAGIC} little-endian
   */
  public static boolean looksLikeFastText(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(4);
      return b.length == 4 && littleEndianInt(b) == MAGIC;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads and validates the whole layout of a fastText model file without loading its matrices.
   *
   * @param file a fastText {@code .bin} or {@code .ftz} file
   * @return its header
   * @throws StoreFormatException if the file is missing, is not a fastText model (wrong magic, for
   *     example a text file), is of another format version, is truncated, has trailing bytes, or
   *     declares sizes that do not fit; the message names the file and the problem
   * @throws UncheckedIOException on other I/O failures
   */
  public static FastTextHeader read(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new StoreFormatException(file, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (!Files.isRegularFile(file)) {
      throw new StoreFormatException(file, "not a regular file");
    }
    try (Reader in = new Reader(file, size)) {
      return in.header();
    } catch (EOFException e) {
      throw new StoreFormatException(file, "truncated fastText model (" + size + " bytes)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static int littleEndianInt(byte[] b) {
    return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
  }

  /** A little-endian reader that knows its position and can skip checked byte counts. */
  private static final class Reader implements AutoCloseable {
    private final Path file;
    private final long size;
    private final DataInputStream in;
    private final CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long position;

    Reader(Path file, long size) throws IOException {
      this.file = file;
      this.size = size;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    FastTextHeader header() throws IOException {
      if (size < 8) {
        throw fail("not a fastText model: " + size + " bytes");
      }
      int magic = readInt();
      if (magic != MAGIC) {
        throw fail("not a fastText model (bad magic number; expected " + MAGIC + ")");
      }
      int version = readInt();
      if (version != VERSION) {
        throw fail(
            "fastText format version " + version + " is not supported; this build reads version "
                + VERSION + " (fastText 0.9.x)");
      }
      int dim = readInt();
      readInt(); // ws
      readInt(); // epoch
      readInt(); // minCount
      readInt(); // neg
      int wordNgrams = readInt();
      int loss = readInt();
      int model = readInt();
      int bucket = readInt();
      int minn = readInt();
      int maxn = readInt();
      readInt(); // lrUpdateRate
      readLong(); // t, a double
      check(dim >= 1 && dim <= MAX_DIMENSION, "dimension " + dim + " outside [1, " + MAX_DIMENSION + "]");
      check(model >= 1 && model <= 3, "unknown model type " + model);
      check(loss >= 1 && loss <= 4, "unknown loss " + loss);
      check(bucket >= 0, "negative bucket count " + bucket);
      check(wordNgrams >= 0 && wordNgrams <= 100, "word n-gram length " + wordNgrams);
      check(minn >= 0 && maxn >= 0 && maxn <= 100 && (maxn == 0 || minn <= maxn),
          "character n-gram range [" + minn + ", " + maxn + "]");

      int entries = readInt();
      int words = readInt();
      int labels = readInt();
      readLong(); // ntokens
      long pruned = readLong();
      check(words >= 0 && labels >= 0 && entries == (long) words + labels,
          "dictionary sizes disagree (" + entries + " entries, " + words + " words, " + labels
              + " labels)");
      check(pruned >= -1 && pruned <= Integer.MAX_VALUE, "pruning index size " + pruned);
      int wordEntries = 0;
      Map<String, Integer> firstEntry = new HashMap<>();
      for (int i = 0; i < entries; i++) {
        String entry = readWord(i);
        Integer earlier = firstEntry.putIfAbsent(entry, i);
        check(earlier == null, "dictionary entry " + i + " repeats entry " + earlier);
        readLong(); // count
        int type = readByte();
        check(type == 0 || type == 1, "dictionary entry " + i + " has unknown type " + type);
        if (type == 0) {
          wordEntries++;
        }
      }
      check(wordEntries == words,
          "dictionary holds " + wordEntries + " words, its header declares " + words);
      if (pruned > 0) {
        skip(8 * pruned, "pruning index");
      }
      boolean quantInput = readBool("input quantization flag");
      long inputRows = quantInput ? quantMatrix(dim, "input") : denseMatrix(dim, "input");
      check(inputRows >= words, "input matrix has " + inputRows + " rows for " + words + " words");
      check(quantInput || pruned < 0, "pruned dictionary without a quantized input matrix");
      boolean quantOutput = readBool("output quantization flag");
      if (quantInput && quantOutput) {
        quantMatrix(dim, "output");
      } else {
        denseMatrix(dim, "output");
      }
      if (position != size) {
        throw fail("has " + (size - position) + " trailing bytes after the output matrix");
      }
      return new FastTextHeader(
          version, dim, model, bucket, minn, maxn, words, labels, quantInput, size);
    }

    /** {@code DenseMatrix::load}: int64 m, int64 n, float32[m*n]. Returns m. */
    private long denseMatrix(int dim, String what) throws IOException {
      long m = readLong();
      long n = readLong();
      check(m >= 1 && n == dim, what + " matrix is " + m + " x " + n + ", expected n = " + dim);
      skip(Math.multiplyExact(Math.multiplyExact(m, n), 4L), what + " matrix");
      return m;
    }

    /** {@code QuantMatrix::load}: qnorm, m, n, codes, a product quantizer, and norm codes. */
    private long quantMatrix(int dim, String what) throws IOException {
      boolean qnorm = readBool(what + " norm quantization flag");
      long m = readLong();
      long n = readLong();
      int codeSize = readInt();
      check(m >= 1 && n == dim && codeSize >= 0,
          "quantized " + what + " matrix is " + m + " x " + n + " with " + codeSize + " code bytes");
      skip(codeSize, what + " codes");
      productQuantizer(dim, what);
      if (qnorm) {
        skip(m, what + " norm codes");
        productQuantizer(1, what + " norm");
      }
      return m;
    }

    /** {@code ProductQuantizer::load}: dim, nsubq, dsub, lastdsub, float32[dim*256]. */
    private void productQuantizer(int expectedDim, String what) throws IOException {
      int dim = readInt();
      int nsubq = readInt();
      int dsub = readInt();
      int lastdsub = readInt();
      check(dim == expectedDim && nsubq >= 1 && dsub >= 1 && lastdsub >= 0,
          what + " quantizer shape (" + dim + ", " + nsubq + ", " + dsub + ", " + lastdsub + ")");
      skip(4L * dim * KSUB, what + " centroids");
    }

    /**
     * Reads a NUL-terminated dictionary entry and decodes it strictly as UTF-8 (fastText's own
     * loader would take any bytes; JFastText would then turn bad ones into U+FFFD and merge two
     * entries into one word).
     */
    private String readWord(int entry) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int n = 0; ; n++) {
        int b = readByte();
        if (b == 0) {
          break;
        }
        check(n < MAX_WORD_BYTES,
            "dictionary entry " + entry + " is longer than " + MAX_WORD_BYTES + " bytes");
        bytes.write(b);
      }
      String where = "dictionary entry " + entry;
      String word;
      try {
        word = utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
      } catch (CharacterCodingException e) {
        throw fail(where + ": not valid UTF-8");
      }
      ImportedWord.check(file, word, where);
      return word;
    }

    private void skip(long bytes, String what) throws IOException {
      if (bytes < 0 || bytes > size - position) {
        throw fail("truncated: the " + what + " needs " + bytes + " bytes, "
            + Math.max(0, size - position) + " remain");
      }
      long left = bytes;
      while (left > 0) {
        long n = in.skip(left);
        if (n <= 0) {
          throw new EOFException();
        }
        left -= n;
      }
      position += bytes;
    }

    private int readByte() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      position++;
      return b;
    }

    private boolean readBool(String what) throws IOException {
      int b = readByte();
      check(b == 0 || b == 1, what + " is " + b + ", expected 0 or 1");
      return b == 1;
    }

    private int readInt() throws IOException {
      int v = Integer.reverseBytes(in.readInt());
      position += 4;
      return v;
    }

    private long readLong() throws IOException {
      long v = Long.reverseBytes(in.readLong());
      position += 8;
      return v;
    }

    private void check(boolean ok, String problem) {
      if (!ok) {
        throw fail("corrupted fastText model: " + problem);
      }
    }

    private StoreFormatException fail(String problem) {
      return new StoreFormatException(file, problem);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
