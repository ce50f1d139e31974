package io.dxrewrite.embeddings.fasttext;

import com.github.jfasttext.FastTextWrapper.FastTextApi;
import com.github.jfasttext.FastTextWrapper.RealVector;
import com.github.jfasttext.FastTextWrapper.StringVector;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.SubwordEmbedding;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.StoreFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;

/**
 * A fastText model ({@code .bin} from fastText 0.9.x, or quantized {@code .ftz}) loaded through
 * JFastText 0.5's native library: word vectors for the model's vocabulary and subword vectors for
 * any other string (Bojanowski et al., TACL 2017). Vectors are exactly those of {@code fasttext
 * print-word-vectors} ({@code FastText::getWordVector}).
 *
 * <p><b>Ownership.</b> {@link #open(Path)} validates the file's complete layout in Java ({@link
 * FastTextHeader}) and only then loads it into native memory; a corrupt file is refused with a
 * {@link StoreFormatException} instead of aborting the JVM. The instance owns that native memory
 * until {@link #close()}; every call after {@code close} throws {@link IllegalStateException}. The
 * native library unpacks to {@code ~/.javacpp/cache} on first use. Returned arrays are copies owned
 * by the caller; no {@code List<Float>} or native pointer escapes.
 *
 * <p><b>Thread-safety.</b> Safe to share between threads: every native call, and {@code close},
 * holds this instance's lock, so calls are serialized (a vector lookup costs microseconds; the
 * rewriter asks only for out-of-vocabulary words).
 */
public final class FastTextModel implements SubwordEmbedding, AutoCloseable {
  /** fastText's end-of-sentence token, a dictionary entry that is not a word of any text. */
  public static final String END_OF_SENTENCE = "</s>";

  private final Path path;
  private final FastTextHeader header;
  private final String[] words;
  private final Set<String> vocabulary;
  private FastTextApi api;

  private FastTextModel(Path path, FastTextHeader header, FastTextApi api, String[] words) {
    this.path = path;
    this.header = header;
    this.api = api;
    this.words = words;
    this.vocabulary = Set.copyOf(new LinkedHashSet<>(Arrays.asList(words)));
  }

  /**
   * Validates and loads a fastText model.
   *
   * @param file a {@code .bin} or {@code .ftz} file written by fastText 0.9.x (format version 12)
   * @return the loaded model; close it to free its native memory
   * @throws StoreFormatException if the file is missing, not a fastText model, of another format
   *     version, truncated or otherwise corrupt (checked before any native code reads it), or if
   *     the native loader still rejects it
   */
  public static FastTextModel open(Path file) {
    Path absolute = file.toAbsolutePath();
    FastTextHeader header = FastTextHeader.read(absolute);
    FastTextApi api = new FastTextApi();
    try {
      api.loadModel(new BytePointer(absolute.toString(), StandardCharsets.UTF_8));
      String[] words;
      try (StringVector list = api.getWords()) {
        int n = (int) list.size();
        words = new String[n];
        for (int i = 0; i < n; i++) {
          words[i] = list.get(i).getString(StandardCharsets.UTF_8);
        }
      }
      if (api.getDim() != header.dimension() || words.length != header.words()) {
        throw new StoreFormatException(
            absolute, "the native loader read a different shape than the header declares");
      }
      return new FastTextModel(absolute, header, api, words);
    } catch (RuntimeException e) {
      api.close();
      if (e instanceof StoreFormatException s) {
        throw s;
      }
      throw new StoreFormatException(absolute, "fastText could not load the model", e);
    }
  }

  /**
   * @return the file this model was loaded from (absolute)
   */
  public Path path() {
    return path;
  }

  /**
   * @return the header read from the file (dimension, n-gram range, vocabulary size, ...)
   */
  public FastTextHeader header() {
    return header;
  }

  @Override
  public int dimension() {
    return header.dimension();
  }

  /**
   * @return whether out-of-vocabulary words get vectors built from character n-grams; false for a
   *     model trained with {@code -maxn 0}, whose unknown words all get the zero vector
   */
  public boolean hasSubwords() {
    return header.hasSubwords();
  }

  /**
   * @return the dictionary's words in the model's order (decreasing training count), {@code
   *     "</s>"} included; a copy
   */
  public List<String> words() {
    return List.of(words);
  }

  /**
   * @param word a string
   * @return whether it is a word of the model's dictionary (exact, case-sensitive)
   */
  public boolean contains(String word) {
    return vocabulary.contains(word);
  }

  @Override
  public synchronized void vector(String word, float[] dst, int offset) {
    Objects.requireNonNull(word, "word");
    Objects.checkFromIndexSize(offset, dimension(), dst.length);
    checkOpen();
    try (BytePointer bytes = new BytePointer(word, StandardCharsets.UTF_8);
        RealVector vector = api.getVector(bytes)) {
      int d = (int) vector.size();
      if (d != dimension()) {
        throw new IllegalStateException(
            "fastText returned " + d + " components, the model has " + dimension());
      }
      for (int j = 0; j < d; j++) {
        dst[offset + j] = vector.get(j);
      }
    }
  }

  /**
   * The vocabulary's vectors as a table for an embedding store (the output vocabulary of
   * nearest-neighbour search), in the model's order, without {@value #END_OF_SENTENCE}.
   *
   * @param maxWords the most words to keep, {@code >= 1}
   * @return {@code float[V*d]} row-major, row i = {@code print-word-vectors} of word i
   * @throws io.dxrewrite.error.InvalidParameterException if {@code maxWords < 1}
   * @throws IllegalStateException if the model was closed
   */
  public EmbeddingTable vocabularyTable(int maxWords) {
    DxPreconditions.checkAtLeast("maxWords", maxWords, 1);
    List<String> kept = new ArrayList<>();
    for (String w : words) {
      if (kept.size() == maxWords) {
        break;
      }
      if (!END_OF_SENTENCE.equals(w) && !w.isEmpty()) {
        kept.add(w);
      }
    }
    int d = dimension();
    float[] vectors = new float[kept.size() * d];
    for (int i = 0; i < kept.size(); i++) {
      vector(kept.get(i), vectors, i * d);
    }
    return new EmbeddingTable(
        kept.toArray(String[]::new),
        vectors,
        d,
        "fastText " + (header.quantized() ? "quantized " : "") + path.getFileName() + " (dim " + d
            + ", n-grams " + header.minn() + "-" + header.maxn() + ")");
  }

  /** Frees the native model. Idempotent; later calls to other methods throw. */
  @Override
  public synchronized void close() {
    if (api != null) {
      api.unloadModel();
      api.close();
      api = null;
    }
  }

  private void checkOpen() {
    if (api == null) {
      throw new IllegalStateException("fastText model " + path.getFileName() + " is closed");
    }
  }
}
