package io.dxrewrite.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public output-vocabulary rules: which words each allows, and how a bad word list fails. */
class OutputVocabularyTest {
  @TempDir Path dir;

  private static final String[] WORDS = {
    "the", ",", "don't", "1990", "x-ray", "$", "café", "--", "é", "'s", "3d", "...", "日本"
  };

  private static BitSet bits(int... ids) {
    BitSet b = new BitSet();
    for (int id : ids) {
      b.set(id);
    }
    return b;
  }

  @Test
  void lettersAllowsWordsWithAtLeastOneLetterOfAnyScript() {
    BitSet allowed = OutputVocabulary.LETTERS.allowed(Vocabulary.of(WORDS));
    assertThat(allowed).isEqualTo(bits(0, 2, 4, 6, 8, 9, 10, 12));
    assertThat(OutputVocabulary.parse("letters")).isSameAs(OutputVocabulary.LETTERS);
    assertThat(OutputVocabulary.parse(" ALL ")).isSameAs(OutputVocabulary.ALL);
    assertThat(OutputVocabulary.ALL.allowed(Vocabulary.of(WORDS)).cardinality()).isEqualTo(WORDS.length);
  }

  @Test
  void aFileAllowsExactlyTheListedWordsTheVocabularyHolds() throws Exception {
    Path list = dir.resolve("allowed.txt");
    Files.writeString(list, "# public list\nthe\n  x-ray  \n\n,\nnot-in-vocabulary\n", StandardCharsets.UTF_8);
    OutputVocabulary rule = OutputVocabulary.parse(list.toString());
    assertThat(rule.allowed(Vocabulary.of(WORDS))).isEqualTo(bits(0, 1, 4));
    assertThat(rule.describe()).isEqualTo("file " + list);
  }

  @Test
  void aMissingEmptyOrNonUtf8ListIsRefusedByName() throws Exception {
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> OutputVocabulary.parse(missing.toString()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nothing\n\n");
    assertThatThrownBy(() -> OutputVocabulary.parse(empty.toString()))
        .hasMessageContaining(empty.toString()).hasMessageContaining("lists no word");
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> OutputVocabulary.parse(latin1.toString()))
        .hasMessageContaining("not valid UTF-8");
    Path none = dir.resolve("none.txt");
    Files.writeString(none, "absent\n");
    assertThatThrownBy(() -> OutputVocabulary.parse(none.toString()).allowed(Vocabulary.of(WORDS)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("allows no word");
  }
}
