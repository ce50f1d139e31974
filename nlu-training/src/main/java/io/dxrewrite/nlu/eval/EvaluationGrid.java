package io.dxrewrite.nlu.eval;

import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.calibration.EpsilonCalibrator;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.nlu.data.LabelSet;
import io.dxrewrite.nlu.data.LabelledExample;
import io.dxrewrite.nlu.features.EmbeddingBag;
import io.dxrewrite.nlu.train.EncodedSet;
import io.dxrewrite.nlu.train.Trainer;
import io.dxrewrite.nlu.train.TrainingConfig;
import io.dxrewrite.nlu.train.TrainingListener;
import io.dxrewrite.nlu.train.DpSummary;
import io.dxrewrite.nlu.train.TrainingResult;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a {@link GridSpec}: rewrites the training texts with each mechanism and epsilon, or with the
 * epsilon calibrated for each text-level N_w target ({@link EpsilonCalibrator}'s default sample,
 * cached next to the store), (the test
 * texts stay original, as at inference time on real queries), trains each training setting on the
 * result, and measures test accuracy and membership-inference AUC ({@link Assessment}). The
 * attack's members are the original (not rewritten) training records: the threat is an attacker
 * who holds a user's real text and asks whether it was used for training.
 */
public final class EvaluationGrid {
  private static final int REWRITE_CHUNK = 2048;

  private final Rewriter rewriter;
  private final EmbeddingBag bag;
  private final EntityTreatment entities;

  /**
   * A grid that rewrites with the library's default entity treatment ({@link
   * EntityTreatment#PLACEHOLDER}).
   *
   * @param rewriter the rewriter (its store also provides the classifier's features)
   */
  public EvaluationGrid(Rewriter rewriter) {
    this(rewriter, EntityTreatment.PLACEHOLDER);
  }

  /**
   * @param rewriter the rewriter (its store also provides the classifier's features)
   * @param entities how the entity layer treats direct identifiers in the rewritten training text
   *     (placeholder, surrogate, or off), so the grid measures what the layer costs downstream
   */
  public EvaluationGrid(Rewriter rewriter, EntityTreatment entities) {
    this.rewriter = rewriter;
    this.bag = new EmbeddingBag(rewriter.store());
    this.entities = java.util.Objects.requireNonNull(entities, "entities");
  }

  /**
   * @param spec the grid
   * @param train training records
   * @param test test records (labels must occur in train)
   * @param onResult called after each cell (for progress and incremental output)
   * @param onStatus receives one-line status messages (never record text)
   * @return one result per cell, in grid order
   */
  public List<GridResult> run(
      GridSpec spec, List<LabelledExample> train, List<LabelledExample> test,
      Consumer<GridResult> onResult, Consumer<String> onStatus) {
    LabelSet labels = LabelSet.of(train);
    EncodedSet testSet = EncodedSet.of(bag.features(test), labels.indices(test));
    int[] trainLabels = labels.indices(train);
    EncodedSet originalTrain = EncodedSet.of(bag.features(train), trainLabels);
    List<GridResult> out = new ArrayList<>();
    for (String mechanism : spec.mechanisms()) {
      List<double[]> settings = new ArrayList<>(); // {epsilon, target N_w}
      if ("none".equals(mechanism)) {
        settings.add(new double[] {Double.NaN, Double.NaN});
      } else {
        for (double e : spec.rewriteEpsilons()) {
          settings.add(new double[] {e, Double.NaN});
        }
        for (double target : spec.rewriteTargetNw()) {
          onStatus.accept("calibrating " + mechanism + " for text N_w " + target);
          Calibration c =
              CalibrationCache.calibrate(
                  rewriter.context(), mechanism, MechanismParameters.DEFAULTS, target,
                  EpsilonCalibrator.DEFAULT_WORDS, EpsilonCalibrator.DEFAULT_TRIALS, spec.seed().orElse(1L),
                  ProgressListener.NONE);
          settings.add(new double[] {c.epsilon(), target});
        }
      }
      for (double[] setting : settings) {
        double rewriteEpsilon = setting[0];
        double targetNw = setting[1];
        onStatus.accept("none".equals(mechanism) ? "training on the original text"
            : "rewriting " + train.size() + " training records with " + mechanism
                + " at epsilon " + rewriteEpsilon
                + (Double.isNaN(targetNw) ? "" : " (text N_w " + targetNw + ")"));
        List<LabelledExample> corpus = "none".equals(mechanism) ? train
            : rewrite(train, mechanism, rewriteEpsilon, spec);
        EncodedSet trainSet = "none".equals(mechanism) ? originalTrain
            : EncodedSet.of(bag.features(corpus), trainLabels);
        List<TrainingConfig> configs = new ArrayList<>();
        configs.add(spec.nonPrivate().withSeed(spec.seed()));
        for (double e : spec.dpEpsilons()) {
          configs.add(spec.dp().withSeed(spec.seed()).withDp(e, spec.delta(), spec.clippingNorm()));
        }
        for (TrainingConfig config : configs) {
          long start = System.nanoTime();
          TrainingResult result =
              Trainer.train(trainSet, testSet, labels.size(), config, TrainingListener.NONE);
          Assessment assessment = Assessment.of(result.model(), originalTrain, testSet);
          GridResult cell = new GridResult(mechanism, rewriteEpsilon, targetNw,
              config.dp() ? config.targetEpsilon() : Double.POSITIVE_INFINITY,
              assessment.testAccuracy(), assessment.membershipAuc(),
              result.dp().map(DpSummary::noiseMultiplier).orElse(0.0),
              (System.nanoTime() - start) / 1e9);
          out.add(cell);
          onResult.accept(cell);
        }
      }
    }
    return out;
  }

  private List<LabelledExample> rewrite(
      List<LabelledExample> records, String mechanism, double epsilon, GridSpec spec) {
    RewriteOptions.Builder options =
        RewriteOptions.builder().mechanism(mechanism).epsilon(epsilon).entities(entities);
    spec.seed().ifPresent(options::seed);
    RewriteOptions built = options.build();
    List<LabelledExample> out = new ArrayList<>(records.size());
    for (int from = 0; from < records.size(); from += REWRITE_CHUNK) {
      int to = Math.min(records.size(), from + REWRITE_CHUNK);
      List<String> texts = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        texts.add(records.get(i).text());
      }
      List<RewriteResult> rewritten = rewriter.rewriteBatch(texts, built, (long) from);
      for (int i = from; i < to; i++) {
        out.add(records.get(i).withText(rewritten.get(i - from).text()));
      }
    }
    return out;
  }
}
