package io.dxrewrite.cli;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dx-rewrite info}: describes an embedding store. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Prints an embedding store's size, dimension, source, checksum and open time, the SIMD"
            + " kernel's vector width and register block on this machine, and what --index runs"
            + " (an unknown or unusable kind is an error, exit 2).")
final class InfoCommand implements Callable<Integer> {
  @Mixin EmbeddingsOption embeddings;

  @Override
  public Integer call() {
    // checked before the store is opened: a wrong --index must not pass silently
    String index = embeddings.kind().describe();
    long start = System.nanoTime();
    EmbeddingStore store = embeddings.open();
    double openMs = (System.nanoTime() - start) / 1e6;
    System.out.println("store:      " + store.path());
    System.out.println("source:     " + store.source());
    System.out.println("vocabulary: " + store.size() + " words");
    System.out.println("dimension:  " + store.dimension());
    System.out.println("checksum:   crc32c:" + Long.toHexString(store.checksum()));
    System.out.printf("opened in:  %.1f ms (memory-mapped, checksum verified)%n", openMs);
    System.out.println("simd kernel: " + io.dxrewrite.nn.IndexKind.simdKernel());
    System.out.println("index:      " + index + " (--index " + embeddings.index + ")");
    int show = Math.min(10, store.size());
    System.out.println(
        "first words: " + String.join(" ", store.vocabulary().words().subList(0, show)));
    return DxRewriteCommand.EXIT_OK;
  }
}
