package io.dxrewrite.cli;

import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.density.NeighbourhoodTableBuilder;
import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dx-rewrite build-neighbours}: builds a store's neighbourhood table. */
@Command(
    name = "build-neighbours",
    mixinStandardHelpOptions = true,
    description = {
      "Computes every word's K nearest words with exact distances and stores them next to the "
          + "embedding store (used by the certified nearest-word search, density reports and audit)."
    })
final class BuildNeighboursCommand implements Callable<Integer> {
  @Mixin EmbeddingsOption embeddings;

  @Option(names = "--k", defaultValue = "64", paramLabel = "K", description = "Neighbours per word. Default: ${DEFAULT-VALUE}.")
  int k;

  @Override
  public Integer call() {
    EmbeddingStore store = embeddings.open();
    Path target = NeighbourhoodTable.defaultPath(store, k);
    long start = System.nanoTime();
    try (TaskProgress progress = new TaskProgress("neighbour table", " words")) {
      NeighbourhoodTableBuilder.build(store, embeddings.index(store), k, target, progress);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    NeighbourhoodTable table = NeighbourhoodTable.open(target, store);
    System.out.printf(
        "wrote %s: %d words x %d neighbours in %.1f s; deltaMin %.6g (exact), deltaMax <= %.6g%n",
        target, table.size(), table.k(), seconds, table.deltaMin(), table.deltaMax());
    return DxRewriteCommand.EXIT_OK;
  }
}
