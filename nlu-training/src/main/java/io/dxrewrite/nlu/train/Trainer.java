package io.dxrewrite.nlu.train;

import io.dxrewrite.random.StreamPurpose;
import io.dxrewrite.nlu.accounting.NoiseCalibration;
import io.dxrewrite.nlu.accounting.RdpAccountant;
import io.dxrewrite.random.ChaCha20Random;
import io.dxrewrite.nlu.dpsgd.DpSgdParameters;
import io.dxrewrite.nlu.dpsgd.DpSgdStep;
import io.dxrewrite.nlu.dpsgd.PoissonSampler;
import io.dxrewrite.nlu.eval.Evaluation;
import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Adam;
import io.dxrewrite.nlu.model.Gradients;
import io.dxrewrite.nlu.model.Optimizer;
import io.dxrewrite.nlu.model.Sgd;
import io.dxrewrite.nlu.model.TopicClassifier;
import io.dxrewrite.random.RandomSources;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Trains a {@link TopicClassifier}, non-privately (shuffled mini-batches, mean gradient) or with
 * DP-SGD (Abadi et al. 2016): Poisson sampling at q = batch / N, ceil(N / batch) steps per epoch,
 * per-example clipping, Gaussian noise with sigma calibrated by {@link NoiseCalibration} to the
 * target (epsilon, delta) over all steps, and an {@link RdpAccountant} reporting the epsilon spent
 * after each epoch. Without a seed, sampling and noise come from {@link ChaCha20Random} keyed by
 * SecureRandom. ND4J runs
 * single-threaded in the training process ({@link Nd4jThreads}).
 */
public final class Trainer {
  private Trainer() {}

  /**
   * @param train training set (N >= 1)
   * @param test held-out set for the per-epoch metrics (N >= 1)
   * @param classes K >= 2
   * @param config how to train
   * @param listener progress receiver
   * @return the model, per-epoch metrics and the privacy spent
   */
  public static TrainingResult train(
      EncodedSet train, EncodedSet test, int classes, TrainingConfig config,
      TrainingListener listener) {
    return Nd4jThreads.singleThreaded(() -> trainSingleThreaded(train, test, classes, config,
        listener));
  }

  private static TrainingResult trainSingleThreaded(
      EncodedSet train, EncodedSet test, int classes, TrainingConfig config,
      TrainingListener listener) {
    boolean seeded = config.seed().isPresent();
    RandomGenerator random =
        seeded
            ? RandomSources.seeded(config.seed().getAsLong(), StreamPurpose.DP_SGD, 0)
            : ChaCha20Random.fromSecureRandom();
    long initSeed = seeded
        ? RandomSources.seeded(config.seed().getAsLong(), StreamPurpose.MODEL_INIT, 0).nextLong()
        : new SecureRandom().nextLong();
    TopicClassifier model = TopicClassifier.initialise(
        train.dimension(), config.hiddenUnits(), classes, initSeed);
    Optimizer optimizer = "sgd".equals(config.optimizer())
        ? new Sgd(config.learningRate()) : new Adam(config.learningRate());
    int n = train.size();
    int stepsPerEpoch = (int) Math.ceil((double) n / config.batchSize());
    long totalSteps = (long) stepsPerEpoch * config.epochs();
    DpSgdParameters dp = null;
    RdpAccountant accountant = null;
    if (config.dp()) {
      double q = Math.min(1.0, (double) config.batchSize() / n);
      double sigma = config.noiseMultiplier().isPresent()
          ? config.noiseMultiplier().getAsDouble()
          : NoiseCalibration.noiseMultiplier(
              config.targetEpsilon(), config.delta(), q, totalSteps, RdpAccountant.defaultOrders());
      dp = new DpSgdParameters(config.clippingNorm(), sigma, q, q * n);
      accountant = new RdpAccountant();
    }
    List<EpochMetrics> epochs = new ArrayList<>();
    long done = 0;
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long start = System.nanoTime();
      if (dp == null) {
        int[] order = permutation(n, random);
        for (int from = 0; from < n; from += config.batchSize()) {
          int[] idx = Arrays.copyOfRange(order, from, Math.min(n, from + config.batchSize()));
          optimizer.step(model, meanGradient(model, train, idx));
          listener.onStep(++done, totalSteps);
        }
      } else {
        for (int s = 0; s < stepsPerEpoch; s++) {
          int[] idx = PoissonSampler.sample(n, dp.samplingRate(), random);
          Gradients g = DpSgdStep.privateGradient(model,
              idx.length == 0 ? null : train.rows(idx), train.labels(idx), dp, random);
          optimizer.step(model, g);
          listener.onStep(++done, totalSteps);
        }
        accountant.composePoissonGaussian(dp.samplingRate(), dp.noiseMultiplier(), stepsPerEpoch);
      }
      double[] testLoss = Evaluation.losses(model, test);
      EpochMetrics metrics = new EpochMetrics(
          epoch,
          Arrays.stream(testLoss).average().orElse(Double.NaN),
          Evaluation.accuracy(model, test),
          accountant == null ? Double.POSITIVE_INFINITY : accountant.epsilon(config.delta()),
          (System.nanoTime() - start) / 1e9);
      epochs.add(metrics);
      listener.onEpoch(metrics);
    }
    Optional<DpSummary> summary = dp == null ? Optional.empty() : Optional.of(new DpSummary(
        accountant.epsilon(config.delta()), config.delta(), dp.noiseMultiplier(),
        dp.clippingNorm(), dp.samplingRate(), totalSteps));
    return new TrainingResult(model, List.copyOf(epochs), summary, seeded);
  }

  /**
   * The non-private gradient of the mean loss over a batch.
   *
   * @param model the model
   * @param set the data
   * @param idx batch rows, non-empty
   * @return (1/B) sum_i grad_i
   */
  public static Gradients meanGradient(TopicClassifier model, EncodedSet set, int[] idx) {
    Activations a = model.forward(set.rows(idx));
    return Gradients.mean(a, model.backprop(a, set.labels(idx)));
  }

  private static int[] permutation(int n, RandomGenerator random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
