package io.dxrewrite.cli;

import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingStoreWriter;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.embeddings.fasttext.FastTextHeader;
import io.dxrewrite.embeddings.fasttext.FastTextModel;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --embeddings} option shared by the subcommands, and what it opens: a store, or a
 * fastText model whose vocabulary is written to a temporary store (deleted on exit) and whose
 * subword vectors stay available through {@link #fastTextModel()}.
 */
final class EmbeddingsOption {
  @Option(
      names = "--embeddings",
      paramLabel = "STORE|MODEL.bin",
      description =
          "Embedding store, or a fastText model (.bin or .ftz): its vocabulary becomes the output"
              + " vocabulary and out-of-vocabulary words get subword vectors (default: the"
              + " embedded GloVe 6B 100d 20k-word subset).")
  Path store;

  @Option(
      names = "--index",
      defaultValue = "auto",
      paramLabel = "KIND",
      description =
          "Exact nearest-neighbour kernel: auto (simd when the JVM has the Vector API, else"
              + " nd4j), simd, nd4j, simd-pruned (exact too, over a copy rotated onto the"
              + " principal axes, skipping words by a lower bound; builds in seconds, about as"
              + " fast as simd, not faster), gpu (CUDA; NVIDIA GPU with compute capability 8.0+ and its"
              + " driver; top-1 and top-2 searches run there, larger k such as build-neighbours"
              + " on the CPU). Default: ${DEFAULT-VALUE}.")
  String index;

  /** The exact index over {@code embeddingStore}, of the kind chosen by {@code --index}. */
  NearestNeighbourIndex index(EmbeddingStore embeddingStore) {
    return kind().create(embeddingStore);
  }

  /** The kind chosen by {@code --index}. */
  IndexKind kind() {
    return IndexKind.fromCliName(index);
  }

  private FastTextModel model;

  EmbeddingStore open() {
    if (store == null) {
      return DefaultEmbeddings.open();
    }
    if (!FastTextHeader.looksLikeFastText(store)) {
      return EmbeddingStore.open(store);
    }
    model = FastTextModel.open(store);
    try {
      Path tmp = Files.createTempFile("dx-rewrite-fasttext-", ".dxemb");
      tmp.toFile().deleteOnExit();
      EmbeddingStoreWriter.write(model.vocabularyTable(Integer.MAX_VALUE), tmp);
      return EmbeddingStore.open(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary store for " + store, e);
    }
  }

  /**
   * @return the fastText model given as {@code --embeddings}, loaded by {@link #open()}, or null;
   *     the caller closes it
   */
  FastTextModel fastTextModel() {
    return model;
  }

  String describe() {
    return store == null ? DefaultEmbeddings.NAME : store.toString();
  }

  /**
   * Opens the store with an exact index of the {@code --index} kind, restricted to the output
   * vocabulary (a second index of the same kind over the allowed words); a missing neighbour table
   * is built with a bar.
   */
  MechanismContext context(OutputVocabularyOption outputs) {
    OutputVocabulary rule = outputs.rule();
    EmbeddingStore embeddingStore = open();
    IndexKind kind = kind();
    return MechanismContext.of(
            embeddingStore,
            kind.create(embeddingStore),
            new TaskProgress("neighbour table", " words"))
        .restrictOutputs(rule, kind::create);
  }
}
