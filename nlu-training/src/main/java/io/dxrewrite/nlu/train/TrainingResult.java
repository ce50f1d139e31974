package io.dxrewrite.nlu.train;

import io.dxrewrite.nlu.model.TopicClassifier;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param model the trained model
 * @param epochs per-epoch metrics in order
 * @param dp the privacy spent; empty for non-private training
 * @param seeded whether the run used a caller's seed (reproducible, not for production)
 */
public record TrainingResult(
    TopicClassifier model, List<EpochMetrics> epochs, Optional<DpSummary> dp, boolean seeded) {}
