package io.dxrewrite.audit;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.embeddings.EmbeddingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the word pairs most likely to break a metric-DP claim, not only random ones, from the
 * store and its {@link NeighbourhoodTable} (every word's K nearest words, Euclidean). About a
 * fifth of the budget goes to each kind:
 *
 * <ul>
 *   <li>{@code nearest}: the closest pairs of the vocabulary (w and its nearest neighbour, smallest
 *       distances first), where {@code epsilon d} is smallest and a sampled loss can exceed it;
 *   <li>{@code rank}: pairs (w, w') of close words and a third word y that is among w's 10 nearest
 *       but far down w''s list, ranked by the rank difference (exact ranks by a scan of w''s
 *       distances). This is the construction that breaks a rank-based candidate step (issue 13:
 *       y's rank around w' is not bounded by d(w, w'));
 *   <li>{@code dense} and {@code sparse}: words with the smallest and the largest K-th neighbour
 *       distance, each with its nearest neighbour;
 *   <li>{@code random}: a random word and a random one of its K nearest.
 * </ul>
 *
 * Pairs are unordered and deduplicated (both directions are checked). The search is
 * deterministic for a given seed; it reads only the public embedding, never input text.
 */
final class PairSearch {
  /** A third word counts for the rank search when it is among w's this many nearest. */
  static final int TOP = 10;

  /** Candidate partners w' per word in the rank search (w''s nearest). */
  static final int PARTNERS = 3;

  /** Words examined by the rank search (all of them in smaller vocabularies). */
  static final int RANK_WORDS = 20_000;

  private final EmbeddingStore store;
  private final NeighbourhoodTable table;
  private final SplittableRandom random;

  PairSearch(EmbeddingStore store, NeighbourhoodTable table, long seed) {
    this.store = store;
    this.table = table;
    this.random = new SplittableRandom(seed);
  }

  /**
   * @param count number of pairs wanted (fewer when the vocabulary has fewer)
   * @return the pairs, in the order nearest, rank, dense, sparse, random
   */
  List<AuditPair> search(int count) {
    Map<Long, AuditPair> pairs = new LinkedHashMap<>();
    int quota = Math.max(1, count / 5);
    nearest(pairs, quota);
    rank(pairs, quota);
    extremes(pairs, quota, true);
    extremes(pairs, quota, false);
    int attempts = 0;
    while (pairs.size() < count && attempts++ < 20 * count) {
      int w = random.nextInt(store.size());
      int w2 = table.neighbour(w, random.nextInt(table.k()));
      add(pairs, new AuditPair(w, w2, "random", "rank of w' around w: " + rankIn(w, w2)));
    }
    return List.copyOf(pairs.values());
  }

  private void add(Map<Long, AuditPair> pairs, AuditPair p) {
    long key =
        ((long) Math.min(p.first(), p.second()) << 32) | Math.max(p.first(), p.second());
    pairs.putIfAbsent(key, p);
  }

  private void nearest(Map<Long, AuditPair> pairs, int quota) {
    Integer[] words = allWords();
    Arrays.sort(words, Comparator.comparingDouble((Integer w) -> table.distance(w, 0)));
    int before = pairs.size();
    for (int i = 0; i < words.length && pairs.size() - before < quota; i++) {
      int w = words[i];
      add(pairs, new AuditPair(w, table.neighbour(w, 0), "nearest", "w' is w's nearest word"));
    }
  }

  private void extremes(Map<Long, AuditPair> pairs, int quota, boolean dense) {
    Integer[] words = allWords();
    int last = table.k() - 1;
    Comparator<Integer> byKth = Comparator.comparingDouble((Integer w) -> table.distance(w, last));
    Arrays.sort(words, dense ? byKth : byKth.reversed());
    int before = pairs.size();
    for (int i = 0; i < words.length && pairs.size() - before < quota; i++) {
      int w = words[i];
      add(
          pairs,
          new AuditPair(
              w,
              table.neighbour(w, 0),
              dense ? "dense" : "sparse",
              String.format(
                  Locale.ROOT, "distance to w's %d-th nearest word: %.4g", table.k(),
                  table.distance(w, last))));
    }
  }

  /** A rank-search candidate: w, w', third word y, rank of y around w and around w'. */
  private record Triple(int w, int w2, int y, int rankW, int rankW2) {}

  private void rank(Map<Long, AuditPair> pairs, int quota) {
    int v = store.size();
    int[] words;
    if (v <= RANK_WORDS) {
      words = new int[v];
      for (int i = 0; i < v; i++) {
        words[i] = i;
      }
    } else {
      words = random.ints(RANK_WORDS, 0, v).distinct().toArray();
    }
    int top = Math.min(TOP, table.k());
    int partners = Math.min(PARTNERS, table.k());
    // First pass from the table: y not among w''s K nearest has rank > K there.
    List<Triple> candidates = new ArrayList<>();
    for (int w : words) {
      for (int p = 0; p < partners; p++) {
        int w2 = table.neighbour(w, p);
        for (int r = 0; r < top; r++) {
          int y = table.neighbour(w, r);
          if (y == w2) {
            continue;
          }
          int r2 = tableRank(w2, y);
          candidates.add(new Triple(w, w2, y, r + 1, r2 < 0 ? table.k() + 1 : r2 + 1));
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Triple t) -> t.rankW2() - t.rankW())
            .reversed()
            .thenComparingDouble(t -> table.distance(t.w(), 0)));
    // Second pass: exact ranks (one scan of w''s distances each) for the most promising triples.
    List<Triple> exact = new ArrayList<>();
    Map<Long, Boolean> seen = new LinkedHashMap<>();
    for (Triple t : candidates) {
      if (exact.size() >= 16 * quota) {
        break;
      }
      long key = ((long) Math.min(t.w(), t.w2()) << 32) | Math.max(t.w(), t.w2());
      if (seen.putIfAbsent(key, true) != null) {
        continue;
      }
      int r2 = t.rankW2() > table.k() ? exactRank(t.w2(), t.y()) : t.rankW2();
      exact.add(new Triple(t.w(), t.w2(), t.y(), t.rankW(), r2));
    }
    exact.sort(Comparator.comparingInt((Triple t) -> t.rankW2() - t.rankW()).reversed());
    int before = pairs.size();
    for (Triple t : exact) {
      if (pairs.size() - before >= quota) {
        break;
      }
      add(
          pairs,
          new AuditPair(
              t.w(),
              t.w2(),
              "rank",
              String.format(
                  Locale.ROOT,
                  "third word %s (id %d) is w's %d-th nearest and w''s %d-th nearest",
                  store.vocabulary().word(t.y()), t.y(), t.rankW(), t.rankW2())));
    }
  }

  /** 0-based rank of y in w's table row, or -1 if it is not there. */
  private int tableRank(int w, int y) {
    for (int r = 0; r < table.k(); r++) {
      if (table.neighbour(w, r) == y) {
        return r;
      }
    }
    return -1;
  }

  private String rankIn(int w, int w2) {
    int r = tableRank(w, w2);
    return r < 0 ? ">" + table.k() : Integer.toString(r + 1);
  }

  /**
   * @return 1-based rank of y among w's other words by Euclidean distance (ties to the lower id,
   *     as in the index)
   */
  int exactRank(int w, int y) {
    int d = store.dimension();
    float[] a = store.vector(w);
    double target = squared(a, y, d);
    int rank = 1;
    for (int x = 0; x < store.size(); x++) {
      if (x == w || x == y) {
        continue;
      }
      double s = squared(a, x, d);
      if (s < target || (s == target && x < y)) {
        rank++;
      }
    }
    return rank;
  }

  private double squared(float[] a, int x, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double diff = (double) a[j] - store.component(x, j);
      s += diff * diff;
    }
    return s;
  }

  private Integer[] allWords() {
    Integer[] words = new Integer[store.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = i;
    }
    return words;
  }
}
