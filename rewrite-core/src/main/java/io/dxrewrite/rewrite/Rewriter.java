package io.dxrewrite.rewrite;

import io.dxrewrite.random.StreamPurpose;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.SubwordEmbedding;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.embeddings.Vocabulary;
import io.dxrewrite.entity.EntityLayer;
import io.dxrewrite.entity.EntityList;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.entity.ProtectedText;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.WordBatch;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.random.RandomSources;
import io.dxrewrite.text.CasePattern;
import io.dxrewrite.text.StructuralCasing;
import io.dxrewrite.text.Token;
import io.dxrewrite.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The one entry point to rewriting. Tokenizes each record, sends every word of every record of a
 * call through the mechanism in one batch (so the nearest-neighbour search sees large batches),
 * and rebuilds each text with all non-word characters unchanged and the casing of {@link
 * RewriteOptions#casing()} (by default from public structure only, see {@link CasingPolicy}).
 * Entity placeholders and surrogates are written exactly as the entity layer made them under
 * either casing policy; structurally they take a word's place (see {@link
 * StructuralCasing#entity}).
 *
 * <p>Every record's total epsilon is checked ({@link TotalEpsilonLimit}) before any noise is
 * drawn: a call with a record whose total is not a finite number fails as a whole with a {@link
 * TotalEpsilonException} naming the record's position.
 *
 * <p>Unless {@link RewriteOptions#entities()} is off, the {@link EntityLayer} first replaces
 * direct identifiers (names, phone numbers, e-mail addresses, ...) by placeholders or surrogates;
 * they never reach the mechanism, are charged 0, and each report counts them per kind.
 *
 * <p>Thread-safe: the store and index are shared read-only and each call has its own randomness.
 * By default every call draws from a fresh {@code SecureRandom}; with a seed, record {@code i}'s
 * noise derives from (seed, firstRecordKey + i), so seeded output does not depend on batching.
 *
 * <p>With a {@link SubwordEmbedding} (a fastText model whose vocabulary the store holds),
 * out-of-vocabulary words are perturbed from their own subword vector under {@link
 * OovPolicy#SUBWORD}, the default of {@link #optionsBuilder()} for such a rewriter.
 */
public final class Rewriter {
  /** Independent SecureRandom streams per unseeded batch (one per core, at most 64). */
  private static final int SECURE_STREAMS =
      Math.min(64, Runtime.getRuntime().availableProcessors());
  private final EmbeddingStore store;
  private final MechanismContext context;
  private final MechanismFactory mechanisms;
  private final SubwordEmbedding subwords;
  private final Tokenizer tokenizer = new Tokenizer();
  /** The entity layer of the last deny-list seen, so a list is compiled once, not per call. */
  private volatile LayerForList entityLayer;

  /**
   * @param store the embedding (vocabulary and vectors)
   * @param index an exact index over the same store
   * @throws IllegalArgumentException if the index was built on a store of another shape
   */
  public Rewriter(EmbeddingStore store, NearestNeighbourIndex index) {
    this(MechanismContext.of(store, index, ProgressListener.NONE), Mechanisms::create);
  }

  /**
   * @param context store, exact index and density data (neighbourhood table built or loaded on
   *     first use by a mechanism that needs it)
   */
  public Rewriter(MechanismContext context) {
    this(context, Mechanisms::create);
  }

  /**
   * @param context store, exact index and density data
   * @param mechanisms how mechanisms are created from options
   * @throws IllegalArgumentException if the index was built on a store of another shape
   */
  public Rewriter(MechanismContext context, MechanismFactory mechanisms) {
    this(context, mechanisms, null);
  }

  /**
   * A rewriter that gives out-of-vocabulary words their own subword vector.
   *
   * @param context store, exact index and density data; the store must hold the subword model's
   *     vocabulary vectors (imported with {@code import-embeddings --format fasttext-bin})
   * @param subwords the model that built the store, shared (thread-safe); the caller keeps
   *     ownership and closes it after the rewriter's last call
   * @throws InvalidParameterException if the model's dimension or vectors disagree with the store
   */
  public Rewriter(MechanismContext context, SubwordEmbedding subwords) {
    this(context, Mechanisms::create, Objects.requireNonNull(subwords, "subwords"));
  }

  /**
   * @param context store, exact index and density data
   * @param mechanisms how mechanisms are created from options
   * @param subwords a subword model over the store's space, or null for none
   * @throws IllegalArgumentException if the index was built on a store of another shape
   * @throws InvalidParameterException if the subword model disagrees with the store
   */
  public Rewriter(MechanismContext context, MechanismFactory mechanisms, SubwordEmbedding subwords) {
    this.context = Objects.requireNonNull(context, "context");
    this.store = context.store();
    this.mechanisms = Objects.requireNonNull(mechanisms, "mechanisms");
    this.subwords = subwords;
    NearestNeighbourIndex index = context.index();
    if (index.size() != store.size() || index.dimension() != store.dimension()) {
      throw new IllegalArgumentException(
          "index shape " + index.size() + "x" + index.dimension() + " does not match store "
              + store.size() + "x" + store.dimension());
    }
    if (subwords != null) {
      SubwordCheck.check(store, subwords);
    }
  }

  /**
   * @return the subword model, if this rewriter has one
   */
  public Optional<SubwordEmbedding> subwords() {
    return Optional.ofNullable(subwords);
  }

  /**
   * @return an options builder whose out-of-vocabulary policy defaults to {@link
   *     OovPolicy#SUBWORD} when this rewriter has a subword model, {@link OovPolicy#UNK} otherwise
   */
  public RewriteOptions.Builder optionsBuilder() {
    return RewriteOptions.builder().oovPolicy(subwords != null ? OovPolicy.SUBWORD : OovPolicy.UNK);
  }

  /**
   * @return the embedding this rewriter uses
   */
  public EmbeddingStore store() {
    return store;
  }

  /**
   * @return the mechanism context (store, index, density data) this rewriter uses
   */
  public MechanismContext context() {
    return context;
  }

  /**
   * Rewrites one record.
   *
   * @param text the record
   * @param options mechanism, epsilon and policies
   * @return the rewritten text and its privacy report
   * @throws io.dxrewrite.error.InvalidParameterException if an option is invalid
   */
  public RewriteResult rewrite(String text, RewriteOptions options) {
    return rewriteBatch(List.of(text), options, 0).get(0);
  }

  /**
   * Rewrites many records, pushing all their words through the index in one batch.
   *
   * @param texts the records
   * @param options mechanism, epsilon and policies
   * @return one result per record, in order
   */
  public List<RewriteResult> rewriteBatch(List<String> texts, RewriteOptions options) {
    return rewriteBatch(texts, options, 0);
  }

  /**
   * Rewrites many records, pushing all their words through the index in one batch.
   *
   * @param texts the records
   * @param options mechanism, epsilon and policies
   * @param firstRecordKey stable key of {@code texts[0]} (e.g. its 0-based line number in the
   *     input); with a seed, record i's noise derives from (seed, firstRecordKey + i)
   * @return one result per record, in order
   * @throws io.dxrewrite.error.InvalidParameterException if an option is invalid
   */
  public List<RewriteResult> rewriteBatch(
      List<String> texts, RewriteOptions options, long firstRecordKey) {
    long[] keys = new long[texts.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = firstRecordKey + i;
    }
    return rewriteBatch(texts, options, keys);
  }

  /**
   * Rewrites many records, pushing all their words through the index in one batch, in three
   * steps: {@code plan} (tokenize, decide per word, list the batch), {@code gather} (each
   * perturbed word's input point), the mechanism's {@code perturb} over the whole batch, and
   * {@code render} (rebuild each text and its report).
   *
   * @param texts the records
   * @param options mechanism, epsilon and policies
   * @param recordKeys {@code long[texts.size()]}: a stable key per record (e.g. its line number);
   *     with a seed, record i's noise derives from (seed, recordKeys[i]), so seeded output does
   *     not depend on batching; ignored without a seed
   * @return one result per record, in order
   * @throws io.dxrewrite.error.InvalidParameterException if an option is invalid, or the policy is
   *     {@link OovPolicy#SUBWORD} and this rewriter has no subword model
   * @throws TotalEpsilonException if the epsilon per word or a record's total epsilon is not a
   *     finite number (nothing is rewritten then)
   * @throws IllegalArgumentException if the key array's length differs from the record count
   */
  public List<RewriteResult> rewriteBatch(
      List<String> texts, RewriteOptions options, long[] recordKeys) {
    if (recordKeys.length != texts.size()) {
      throw new IllegalArgumentException(
          recordKeys.length + " record keys for " + texts.size() + " records");
    }
    if (options.oovPolicy() == OovPolicy.SUBWORD && subwords == null) {
      throw new InvalidParameterException(
          "oov policy 'subword' needs a fastText model (--embeddings MODEL.bin, or a store with"
              + " --subwords MODEL.bin); allowed without one: unk, keep");
    }
    Mechanism mechanism =
        mechanisms.create(options.mechanism(), context, options.epsilon(), options.parameters());
    double euclideanEpsilon = TotalEpsilonLimit.perWord(mechanism);
    BatchPlan plan = plan(texts, options, recordKeys);
    for (int r = 0; r < plan.records.size(); r++) {
      TotalEpsilonLimit.recordTotal(euclideanEpsilon, plan.records.get(r).perturbed, r);
    }
    Gathered gathered = gather(plan);
    int n = plan.ids.size();
    int[] outputs =
        n == 0
            ? new int[0]
            : mechanism.perturb(
                new WordBatch(plan.ids.toArray(), gathered.points, store.dimension(),
                    plan.randomness.toArray(RandomGenerator[]::new)));
    return render(texts, options, plan, gathered, outputs, mechanism, euclideanEpsilon);
  }

  /**
   * Plan step: tokenizes each record (after the entity layer, if on), decides for every word
   * whether it is skipped, kept or perturbed, and lists the perturbed words of all records as one
   * batch with each word's randomness. Draws no noise.
   */
  private BatchPlan plan(List<String> texts, RewriteOptions options, long[] recordKeys) {
    boolean subwordPolicy = options.oovPolicy() == OovPolicy.SUBWORD;
    Vocabulary vocabulary = store.vocabulary();
    // Without a seed, records draw from a few SecureRandom-backed generators (record r from
    // generator r mod P), so that noise for different records can be sampled on P cores.
    RandomGenerator[] secure = null;
    if (options.seed().isEmpty()) {
      secure = new RandomGenerator[Math.max(1, Math.min(texts.size(), SECURE_STREAMS))];
      for (int i = 0; i < secure.length; i++) {
        secure[i] = RandomSources.secure();
      }
    }

    EntityTreatment treatment = options.entities().treatment();
    EntityLayer layer = treatment == EntityTreatment.OFF ? null : entityLayer(options.entities().denyList());
    // Surrogates draw from their own stream, so the mechanism's noise is the same under either
    // treatment; seeded only when the run is seeded.
    RandomGenerator surrogateSecure =
        treatment == EntityTreatment.SURROGATE && options.seed().isEmpty() ? RandomSources.secure() : null;
    BatchPlan batch = new BatchPlan(texts.size());
    for (int r = 0; r < texts.size(); r++) {
      List<Token> tokens;
      if (layer == null) {
        tokens = tokenizer.tokenize(texts.get(r));
        batch.entityCounts.add(java.util.Map.of());
        batch.protectedTexts.add(null);
      } else {
        RandomGenerator surrogateRandom =
            treatment != EntityTreatment.SURROGATE
                ? null
                : surrogateSecure != null
                    ? surrogateSecure
                    : RandomSources.seeded(
                        options.seed().getAsLong(), StreamPurpose.SURROGATE, recordKeys[r]);
        ProtectedText protectedText = layer.protect(texts.get(r), treatment, surrogateRandom);
        tokens = protectedText.tokens();
        batch.entityCounts.add(protectedText.entities());
        batch.protectedTexts.add(protectedText);
      }
      batch.tokenized.add(tokens);
      RandomGenerator random =
          secure != null
              ? secure[r % secure.length]
              : RandomSources.seeded(
                  options.seed().getAsLong(), StreamPurpose.REWRITE, recordKeys[r]);
      BatchPlan.RecordPlan plan = new BatchPlan.RecordPlan(tokens.size());
      for (int t = 0; t < tokens.size(); t++) {
        Token token = tokens.get(t);
        if (!token.word()) {
          continue;
        }
        plan.words++;
        String lower = token.lookup();
        if (options.skipWords().contains(lower)) {
          plan.skipped++;
          continue;
        }
        int id = vocabulary.id(lower);
        if (id == Vocabulary.NOT_FOUND) {
          plan.oov++;
          if (options.oovPolicy() == OovPolicy.KEEP) {
            plan.oovKept++;
            continue;
          }
          id = WordBatch.UNK;
        }
        String subwordWord = null;
        if (id == WordBatch.UNK && subwordPolicy && !allDigits(lower)) {
          subwordWord = lower;
        }
        plan.batchIndex[t] = batch.ids.size();
        plan.inputIds[t] = id;
        batch.ids.add(id);
        batch.subwordWords.add(subwordWord);
        batch.randomness.add(random);
        plan.perturbed++;
      }
      batch.records.add(plan);
    }
    return batch;
  }

  /**
   * The batch's input points, {@code float[n*d]} row-major (n perturbed words, d the store's
   * dimension), and which of them came from a subword vector.
   */
  private record Gathered(float[] points, boolean[] fromSubwords) {}

  /**
   * Gather step: each perturbed word's input point, from its subword vector (an out-of-vocabulary
   * word under the subword policy, unless that vector is zero), else the store's row, else the
   * public point (the store's mean vector).
   */
  private Gathered gather(BatchPlan plan) {
    int d = store.dimension();
    int n = plan.ids.size();
    float[] points = new float[n * d];
    float[] unk = null;
    boolean[] fromSubwords = new boolean[n];
    for (int i = 0; i < n; i++) {
      int id = plan.ids.get(i);
      if (plan.subwordWords.get(i) != null) {
        subwords.vector(plan.subwordWords.get(i), points, i * d);
        fromSubwords[i] = !isZero(points, i * d, d);
      }
      if (fromSubwords[i]) {
        continue;
      }
      if (id == WordBatch.UNK) {
        if (unk == null) {
          unk = store.meanVector();
        }
        System.arraycopy(unk, 0, points, i * d, d);
      } else {
        store.copyVector(id, points, i * d);
      }
    }
    return new Gathered(points, fromSubwords);
  }

  /**
   * Render step: rebuilds each record with the mechanism's output words in the perturbed words'
   * places, every other token as the casing policy writes it, and its privacy report.
   */
  private List<RewriteResult> render(
      List<String> texts,
      RewriteOptions options,
      BatchPlan batch,
      Gathered gathered,
      int[] outputs,
      Mechanism mechanism,
      double euclideanEpsilon) {
    Vocabulary vocabulary = store.vocabulary();
    EntityTreatment treatment = options.entities().treatment();
    List<RewriteResult> results = new ArrayList<>(texts.size());
    for (int r = 0; r < texts.size(); r++) {
      List<Token> tokens = batch.tokenized.get(r);
      ProtectedText entityMarks = batch.protectedTexts.get(r);
      BatchPlan.RecordPlan plan = batch.records.get(r);
      StringBuilder out = new StringBuilder(texts.get(r).length() + 16);
      List<WordMark> marks = new ArrayList<>();
      StructuralCasing structural =
          options.casing() == CasingPolicy.STRUCTURAL ? new StructuralCasing() : null;
      for (int t = 0; t < tokens.size(); t++) {
        Token token = tokens.get(t);
        if (entityMarks != null && entityMarks.isEntity(t)) {
          // an identifier's placeholder or surrogate: exactly as written under either policy
          int start = out.length();
          out.append(structural == null ? token.text() : structural.entity(token.text()));
          marks.add(new WordMark(start, out.length(), WordMark.Kind.ENTITY));
          continue;
        }
        if (!token.word()) {
          out.append(token.text());
          if (structural != null) {
            structural.nonWord(token.text());
          }
          continue;
        }
        int at = plan.batchIndex[t];
        if (at < 0) {
          // skip-list or kept OOV word: copied through (its casing too only under casing keep)
          int start = out.length();
          out.append(structural == null ? token.text() : structural.word(token.text(), token.clitic()));
          marks.add(new WordMark(start, out.length(), WordMark.Kind.UNPROTECTED));
          continue;
        }
        if (gathered.fromSubwords[at]) {
          plan.oovSubword++;
        }
        int outputId = outputs[at];
        if (outputId == plan.inputIds[t]) {
          int start = out.length();
          out.append(structural == null ? token.text() : structural.word(token.text(), token.clitic()));
          marks.add(new WordMark(start, out.length(), plan.inputIds[t] == WordBatch.UNK
              ? WordMark.Kind.OOV : WordMark.Kind.KEPT));
        } else {
          if (token.clitic()) {
            // "n't" replaced by "never" is written " never": a full word after a space
            out.append(' ');
          }
          String word = vocabulary.word(outputId);
          int start = out.length();
          out.append(
              structural == null
                  ? CasePattern.of(token.text()).apply(word)
                  : structural.word(word, token.clitic()));
          marks.add(new WordMark(start, out.length(), plan.inputIds[t] == WordBatch.UNK
              ? WordMark.Kind.OOV : WordMark.Kind.REPLACED));
        }
      }
      PrivacyReport report =
          PrivacyReport.builder()
              .mechanism(mechanism.name())
              .epsilonPerWord(mechanism.epsilon())
              .euclideanEpsilonPerWord(euclideanEpsilon)
              .words(plan.words)
              .wordsPerturbed(plan.perturbed)
              .oovWords(plan.oov)
              .oovPolicy(options.oovPolicy().cliName())
              .oovKept(plan.oovKept)
              .skippedWords(plan.skipped)
              .seeded(options.seed().isPresent())
              .targetNw(options.targetNw().isPresent() ? options.targetNw().getAsDouble() : null)
              .oovSubword(plan.oovSubword)
              .casing(options.casing())
              .entityTreatment(treatment.cliName())
              .entities(batch.entityCounts.get(r))
              .build();
      results.add(new RewriteResult(out.toString(), report, marks));
    }
    return results;
  }

  private EntityLayer entityLayer(EntityList denyList) {
    if (denyList.isEmpty()) {
      return EntityLayer.builtIn();
    }
    LayerForList cached = entityLayer;
    if (cached != null && cached.list.equals(denyList)) {
      return cached.layer;
    }
    EntityLayer layer = EntityLayer.of(denyList);
    entityLayer = new LayerForList(denyList, layer);
    return layer;
  }

  private record LayerForList(EntityList list, EntityLayer layer) {}

  /** Words of only digits take the public point under the subword policy (see OovPolicy). */
  private static boolean allDigits(String word) {
    return word.codePoints().allMatch(Character::isDigit);
  }

  private static boolean isZero(float[] values, int from, int length) {
    for (int j = from; j < from + length; j++) {
      if (values[j] != 0f) {
        return false;
      }
    }
    return true;
  }
}
