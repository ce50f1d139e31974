package io.dxrewrite.cli;

import io.dxrewrite.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output-path checks of {@code dx-rewrite rewrite}, run before anything is read or written: the
 * input exists, and neither the output nor the report overwrites the input, each other, or is a
 * folder. Messages name paths and options, never record text.
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * @param input {@code --input}, or {@code -} for standard input
   * @param output {@code --output}, or {@code -} for standard output
   * @param report {@code --report}, or null for none
   * @throws InvalidInputException naming the first path that is missing, a folder, or the same
   *     file as another
   */
  static void check(String input, String output, Path report) {
    boolean fromFile = !"-".equals(input);
    boolean toFile = !"-".equals(output);
    Path inputPath = fromFile ? Path.of(input) : null;
    if (fromFile && !Files.isRegularFile(inputPath)) {
      throw new InvalidInputException("input " + input + " does not exist or is not a file");
    }
    if (fromFile && toFile && sameFile(inputPath, Path.of(output))) {
      throw new InvalidInputException("--output must not be the input file (" + input + ")");
    }
    if (toFile && Files.isDirectory(Path.of(output))) {
      throw new InvalidInputException("--output " + output + " is a folder; give a file name");
    }
    if (report != null && Files.isDirectory(report)) {
      throw new InvalidInputException("--report " + report + " is a folder; give a file name");
    }
    if (report != null && toFile && sameFile(Path.of(output), report)) {
      throw new InvalidInputException("--report must differ from --output");
    }
    if (report != null && fromFile && sameFile(inputPath, report)) {
      throw new InvalidInputException("--report must not be the input file (" + input + ")");
    }
  }

  /** Whether two paths name one file: by the file system if {@code b} exists, else by name. */
  private static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    } catch (IOException e) {
      return false;
    }
  }
}
