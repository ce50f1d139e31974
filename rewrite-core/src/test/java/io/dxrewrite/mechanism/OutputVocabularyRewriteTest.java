package io.dxrewrite.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.embeddings.Vocabulary;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.random.RandomSources;
import io.dxrewrite.text.Token;
import io.dxrewrite.text.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The output-vocabulary filter on the real GloVe subset and the 1,000 example sentences at
 * epsilon 10 (issue 15 item 4: "a word can become ','"). With the same seed, the filtered
 * mechanism outputs the same word as the unfiltered one whenever that word is allowed
 * (post-processing of the same noisy point), and never a word without a letter.
 */
class OutputVocabularyRewriteTest {
  private static EmbeddingStore store;
  private static MechanismContext all;
  private static MechanismContext letters;
  private static BitSet allowed;
  private static List<int[]> sentences;

  @BeforeAll
  static void setUp() throws Exception {
    store = DefaultEmbeddings.open();
    Nd4jExactIndex index = new Nd4jExactIndex(store);
    all = MechanismContext.of(store, index, io.dxrewrite.progress.ProgressListener.NONE).certify(false);
    letters = MechanismContext.of(store, index, io.dxrewrite.progress.ProgressListener.NONE)
        .certify(false)
        .restrictOutputs(OutputVocabulary.LETTERS, Nd4jExactIndex::new);
    allowed = letters.allowedOutputs();
    Tokenizer tokenizer = new Tokenizer();
    sentences = new ArrayList<>();
    for (String line : Files.readAllLines(
        Path.of("..", "examples", "amazon-sentences.txt"), StandardCharsets.UTF_8)) {
      List<Integer> ids = new ArrayList<>();
      for (Token t : tokenizer.tokenize(line)) {
        int id = t.word() ? store.vocabulary().id(t.lookup()) : Vocabulary.NOT_FOUND;
        if (id != Vocabulary.NOT_FOUND) {
          ids.add(id);
        }
      }
      sentences.add(ids.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** One record's words, perturbed with the record's own seeded stream, as the Rewriter does. */
  private static int[][] perturb(Mechanism mechanism, long seed) {
    int[][] out = new int[sentences.size()][];
    int d = store.dimension();
    for (int r = 0; r < sentences.size(); r++) {
      int[] ids = sentences.get(r);
      float[] points = new float[ids.length * d];
      RandomGenerator[] randomness = new RandomGenerator[ids.length];
      RandomGenerator stream = RandomSources.seeded(seed, io.dxrewrite.random.StreamPurpose.REWRITE, r);
      for (int i = 0; i < ids.length; i++) {
        store.copyVector(ids[i], points, i * d);
        randomness[i] = stream;
      }
      out[r] = mechanism.perturb(new WordBatch(ids, points, d, randomness));
    }
    return out;
  }

  private static int sentencesWithANonLetterReplacement(int[][] outputs) {
    int count = 0;
    for (int r = 0; r < outputs.length; r++) {
      for (int i = 0; i < outputs[r].length; i++) {
        if (outputs[r][i] != sentences.get(r)[i] && !allowed.get(outputs[r][i])) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  @Test
  void filteredOutputsAgreeWithUnfilteredOnesInsideTheSubsetAndNeverLeaveIt() {
    assertThat(sentences).hasSize(1000);
    for (String name : List.of("cmp", "mahalanobis")) {
      MechanismParameters parameters = MechanismParameters.DEFAULTS;
      int[][] before = perturb(Mechanisms.create(name, all, 10, parameters), 2020);
      int[][] after = perturb(Mechanisms.create(name, letters, 10, parameters), 2020);
      int agreeing = 0;
      for (int r = 0; r < before.length; r++) {
        for (int i = 0; i < before[r].length; i++) {
          assertThat(allowed.get(after[r][i])).isTrue();
          if (allowed.get(before[r][i])) {
            assertThat(after[r][i]).as("%s, sentence %d word %d", name, r, i).isEqualTo(before[r][i]);
            agreeing++;
          }
        }
      }
      int nonLetterBefore = sentencesWithANonLetterReplacement(before);
      System.out.printf("%s epsilon 10: sentences with a replacement without a letter: %d of 1000"
          + " unfiltered, %d filtered (%d words agree)%n", name, nonLetterBefore,
          sentencesWithANonLetterReplacement(after), agreeing);
      assertThat(nonLetterBefore).as(name + ": the unfiltered mechanism must show the problem").isPositive();
      assertThat(sentencesWithANonLetterReplacement(after)).isZero();
    }
  }

  /** Vickrey picks between the two nearest words of S: always an allowed word. */
  @Test
  void vickreyChoosesBetweenAllowedWordsOnly() {
    int[][] after = perturb(Mechanisms.create("vickrey", letters, 10, MechanismParameters.DEFAULTS), 7);
    for (int[] record : after) {
      for (int id : record) {
        assertThat(allowed.get(id)).as(store.vocabulary().word(id)).isTrue();
      }
    }
  }
}
