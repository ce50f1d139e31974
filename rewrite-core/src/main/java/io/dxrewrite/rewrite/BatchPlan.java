package io.dxrewrite.rewrite;

import io.dxrewrite.entity.ProtectedText;
import io.dxrewrite.text.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the plan step of {@link Rewriter#rewriteBatch(List, RewriteOptions, long[])} decided for a
 * call: per record its tokens, its entity marks and counts and a {@link RecordPlan}; for the whole
 * call the perturbed words as one batch (input ids, the word to look up as a subword vector or
 * null, and each word's randomness), in record order. The gather and render steps read it.
 */
final class BatchPlan {
  /** Per record: its tokens (after the entity layer, if on). */
  final List<List<Token>> tokenized;
  /** Per record: its entity marks, or null with the entity layer off. */
  final List<ProtectedText> protectedTexts;
  /** Per record: identifiers found, per kind. */
  final List<Map<String, Integer>> entityCounts;
  /** Per record: which tokens went into the batch, and the counts for its report. */
  final List<RecordPlan> records;
  /** Per perturbed word: its vocabulary id, or {@link io.dxrewrite.mechanism.WordBatch#UNK}. */
  final IntList ids = new IntList();
  /** Per perturbed word: the word whose subword vector is its input point, or null. */
  final List<String> subwordWords = new ArrayList<>();
  /** Per perturbed word: the randomness its noise is drawn from (its record's). */
  final List<RandomGenerator> randomness = new ArrayList<>();

  BatchPlan(int records) {
    tokenized = new ArrayList<>(records);
    protectedTexts = new ArrayList<>(records);
    entityCounts = new ArrayList<>(records);
    this.records = new ArrayList<>(records);
  }

  /** Per-record bookkeeping: which tokens went into the batch, and the counts for the report. */
  static final class RecordPlan {
    /** Per token: its position in the batch, or -1 if it is not perturbed. */
    final int[] batchIndex;
    /** Per token in the batch: its input id. */
    final int[] inputIds;
    int words;
    int perturbed;
    int oov;
    int oovKept;
    int oovSubword;
    int skipped;

    RecordPlan(int tokens) {
      batchIndex = new int[tokens];
      inputIds = new int[tokens];
      Arrays.fill(batchIndex, -1);
    }
  }

  /** A growable int array. */
  static final class IntList {
    private int[] values = new int[256];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
