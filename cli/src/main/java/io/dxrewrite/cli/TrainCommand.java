package io.dxrewrite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dxrewrite.cli.io.AtomicOutput;
import io.dxrewrite.cli.progress.Terminal;
import io.dxrewrite.cli.progress.TrainingProgress;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.nlu.data.LabelSet;
import io.dxrewrite.nlu.data.LabelledExample;
import io.dxrewrite.nlu.data.LabelledFileReader;
import io.dxrewrite.nlu.data.Split;
import io.dxrewrite.nlu.eval.Assessment;
import io.dxrewrite.nlu.features.EmbeddingBag;
import io.dxrewrite.nlu.model.ModelFile;
import io.dxrewrite.nlu.train.DpSummary;
import io.dxrewrite.nlu.train.EncodedSet;
import io.dxrewrite.nlu.train.EpochMetrics;
import io.dxrewrite.nlu.train.Trainer;
import io.dxrewrite.nlu.train.TrainingConfig;
import io.dxrewrite.nlu.train.TrainingResult;
import io.dxrewrite.nn.OpenBlasCoreType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dx-rewrite train}: trains a topic/intent classifier, optionally with DP-SGD. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains an intent/topic classifier (frozen embedding bag, one ReLU layer, softmax) on a "
          + "labelled JSONL or TSV file, optionally with DP-SGD, and reports test accuracy and the "
          + "loss-threshold membership-inference AUC."
    })
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, paramLabel = "FILE",
      description = "Training records (.jsonl or .tsv); records whose split field is 'test' are"
          + " skipped.")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE",
      description = "Test records; when the file has a split field, only 'test' records are used.")
  Path test;

  @Option(names = "--text-field", defaultValue = "text", paramLabel = "NAME",
      description = "Text field or column. Default: ${DEFAULT-VALUE}.")
  String textField;

  @Option(names = "--label-field", defaultValue = "label", paramLabel = "NAME",
      description = "Label field or column. Default: ${DEFAULT-VALUE}.")
  String labelField;

  @Option(names = "--split-field", defaultValue = "split", paramLabel = "NAME",
      description = "Optional split field or column (train|test). Default: ${DEFAULT-VALUE}.")
  String splitField;

  @Mixin EmbeddingsOption embeddings;

  @Option(names = "--dp", description = "Train with DP-SGD (Poisson sampling, per-example"
      + " clipping, Gaussian noise, RDP accountant).")
  boolean dp;

  @Option(names = "--target-epsilon", defaultValue = "8", paramLabel = "E",
      description = "DP: total epsilon of the run; sigma is calibrated to it. Default: ${DEFAULT-VALUE}.")
  double targetEpsilon;

  @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
      description = "Epochs. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch", defaultValue = "256", paramLabel = "B",
      description = "Batch size (DP: expected batch size of Poisson sampling). Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--lr", defaultValue = "0.005", paramLabel = "LR",
      description = "Learning rate. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(names = "--model-out", paramLabel = "FILE", description = "Write the trained model (JSON).")
  Path modelOut;

  @Option(names = "--metrics", defaultValue = "train-metrics.json", paramLabel = "FILE",
      description = "Metrics JSON. Default: ${DEFAULT-VALUE}.")
  Path metrics;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() throws IOException {
    OpenBlasCoreType.warnIfUnset();
    DxPreconditions.checkAtLeast("epochs", epochs, 1);
    DxPreconditions.checkAtLeast("batch", batch, 1);
    LabelledFileReader reader = new LabelledFileReader(textField, labelField, splitField);
    List<LabelledExample> trainRecords =
        reader.read(train).stream().filter(e -> e.split() == Split.TRAIN).toList();
    List<LabelledExample> testAll = reader.read(test);
    List<LabelledExample> testRecords = testAll.stream().anyMatch(e -> e.split() == Split.TEST)
        ? testAll.stream().filter(e -> e.split() == Split.TEST).toList() : testAll;
    if (trainRecords.isEmpty() || testRecords.isEmpty()) {
      throw new InvalidInputException("need at least one training and one test record, got "
          + trainRecords.size() + " and " + testRecords.size());
    }
    LabelSet labels = LabelSet.of(trainRecords);
    DxPreconditions.checkArgument(labels.size() >= 2,
        "the training data must have at least 2 classes, found " + labels.size());
    EmbeddingStore store = embeddings.open();
    EmbeddingBag bag = new EmbeddingBag(store);
    EncodedSet trainSet = EncodedSet.of(bag.features(trainRecords), labels.indices(trainRecords));
    EncodedSet testSet = EncodedSet.of(bag.features(testRecords), labels.indices(testRecords));

    TrainingConfig config = options.config(epochs, batch, learningRate);
    if (dp) {
      config = config.withDp(targetEpsilon, options.delta, options.clip);
    }
    System.err.printf(Locale.ROOT, "train: %d training, %d test records, %d classes, %s%s%n",
        trainSet.size(), testSet.size(), labels.size(),
        dp ? "DP-SGD target epsilon " + targetEpsilon + ", delta " + options.delta : "non-private",
        config.seed().isPresent() ? ", SEEDED (not for production)" : "");
    TrainingResult result;
    try (TrainingProgress progress =
        new TrainingProgress(System.err, Terminal.stderrIsTerminal(), epochs)) {
      result = Trainer.train(trainSet, testSet, labels.size(), config, progress);
    }
    Assessment assessment = Assessment.of(result.model(), trainSet, testSet);
    // results on stdout (they are what the command is for), progress and notices on stderr
    result.dp().ifPresent(s -> System.out.printf(Locale.ROOT,
        "DP-SGD: sigma %.4f, C %.3g, q %.5f, %d steps: epsilon %.4f at delta %.3g%n",
        s.noiseMultiplier(), s.clippingNorm(), s.samplingRate(), s.steps(), s.epsilon(),
        s.delta()));
    System.out.printf(Locale.ROOT,
        "test accuracy %.4f, membership-inference AUC %.4f (0.5 = no measurable leakage)%n",
        assessment.testAccuracy(), assessment.membershipAuc());
    writeMetrics(trainSet, testSet, labels, config, result, assessment);
    if (modelOut != null) {
      ModelFile.write(modelOut, result.model(), labels.names(), embeddings.describe(),
          result.dp().map(s -> String.format(Locale.ROOT, "DP-SGD epsilon=%s delta=%s",
              s.epsilon(), s.delta())).orElse("non-private"));
    }
    return DxRewriteCommand.EXIT_OK;
  }

  private void writeMetrics(EncodedSet trainSet, EncodedSet testSet, LabelSet labels,
      TrainingConfig config, TrainingResult result, Assessment assessment) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("train_records", trainSet.size());
    root.put("test_records", testSet.size());
    root.put("classes", labels.size());
    root.put("embeddings", embeddings.describe());
    root.put("hidden_units", config.hiddenUnits());
    root.put("optimizer", config.optimizer());
    root.put("learning_rate", config.learningRate());
    root.put("batch", config.batchSize());
    root.put("seeded", result.seeded());
    ArrayNode epochsNode = root.putArray("epochs");
    for (EpochMetrics m : result.epochs()) {
      ObjectNode e = epochsNode.addObject();
      e.put("epoch", m.epoch());
      e.put("test_loss", m.testLoss());
      e.put("test_accuracy", m.testAccuracy());
      if (Double.isFinite(m.epsilon())) {
        e.put("epsilon", m.epsilon());
      }
      e.put("seconds", m.seconds());
    }
    root.put("test_accuracy", assessment.testAccuracy());
    root.put("membership_inference_auc", assessment.membershipAuc());
    if (result.dp().isPresent()) {
      DpSummary s = result.dp().get();
      ObjectNode d = root.putObject("dp");
      d.put("epsilon", s.epsilon());
      d.put("delta", s.delta());
      d.put("noise_multiplier", s.noiseMultiplier());
      d.put("clipping_norm", s.clippingNorm());
      d.put("sampling_rate", s.samplingRate());
      d.put("steps", s.steps());
      d.put("accountant", "RDP, Poisson-subsampled Gaussian (Mironov et al. 2019), conversion"
          + " of Canonne et al. 2020");
    } else {
      root.putNull("dp");
    }
    try (AtomicOutput out = new AtomicOutput(metrics)) {
      out.stream().write(json.writeValueAsBytes(root));
      out.commit();
    }
  }
}
