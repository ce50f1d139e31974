package io.dxrewrite.cli;

import io.dxrewrite.embeddings.EmbeddingStoreWriter;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.importer.EmbeddingFormat;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dx-rewrite import-embeddings}: converts an embedding file into a binary store. */
@Command(
    name = "import-embeddings",
    mixinStandardHelpOptions = true,
    description =
        "Converts GloVe, word2vec (text or binary), fastText (.bin/.ftz model or .vec) or wink"
            + " JSON embeddings into a store.")
final class ImportEmbeddingsCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description =
          "Input format: glove, word2vec, word2vec-bin, wink-json, fasttext-bin, fasttext-vec.")
  String format;

  @Parameters(index = "0", paramLabel = "INPUT", description = "Embedding file (text and word2vec files may be gzipped).")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "STORE", description = "Store to write.")
  Path output;

  @Option(
      names = "--max-words",
      paramLabel = "N",
      description = "Keep the N most frequent words (default: all).")
  Integer maxWords;

  @Override
  public Integer call() {
    EmbeddingFormat embeddingFormat = EmbeddingFormat.fromCliName(format);
    int limit =
        maxWords == null ? Integer.MAX_VALUE : DxPreconditions.checkAtLeast("--max-words", maxWords, 1);
    if (!Files.isRegularFile(input)) {
      throw new InvalidInputException("input " + input + " does not exist or is not a file");
    }
    if (Files.exists(output) && Files.exists(input) && input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
      throw new InvalidInputException("--output must differ from the input file");
    }
    long start = System.nanoTime();
    System.err.println("reading " + input + " (" + embeddingFormat.cliName() + ") ...");
    EmbeddingTable table = embeddingFormat.importer().read(input, limit);
    double readS = (System.nanoTime() - start) / 1e9;
    EmbeddingStoreWriter.write(table, output);
    double totalS = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        "wrote %s: %d words x %d dimensions (read %.1f s, total %.1f s)%n",
        output, table.size(), table.dimension(), readS, totalS);
    return DxRewriteCommand.EXIT_OK;
  }
}
