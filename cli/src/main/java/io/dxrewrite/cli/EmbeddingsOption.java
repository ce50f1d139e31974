package io.dxrewrite.cli;

import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.Nd4jExactIndex;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --embeddings} option shared by the subcommands, and what it opens. */
final class EmbeddingsOption {
  @Option(
      names = "--embeddings",
      paramLabel = "STORE",
      description = "Embedding store (default: the embedded GloVe 6B 100d 20k-word subset).")
  Path store;

  EmbeddingStore open() {
    return store == null ? DefaultEmbeddings.open() : EmbeddingStore.open(store);
  }

  String describe() {
    return store == null ? DefaultEmbeddings.NAME : store.toString();
  }

  /** Opens the store with an exact index; a missing neighbour table is built with a bar. */
  MechanismContext context() {
    EmbeddingStore embeddingStore = open();
    return MechanismContext.of(
        embeddingStore,
        new Nd4jExactIndex(embeddingStore),
        new TaskProgress("neighbour table", " words"));
  }
}
