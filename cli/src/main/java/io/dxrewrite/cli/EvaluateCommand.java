package io.dxrewrite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dxrewrite.cli.evaluation.AccuracyPlots;
import io.dxrewrite.cli.evaluation.ResultsReport;
import io.dxrewrite.cli.io.AtomicOutput;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.nlu.data.LabelledExample;
import io.dxrewrite.nlu.data.LabelledFileReader;
import io.dxrewrite.nlu.data.Split;
import io.dxrewrite.nlu.data.WordNetTopics;
import io.dxrewrite.nlu.eval.EvaluationGrid;
import io.dxrewrite.nlu.eval.GridResult;
import io.dxrewrite.nlu.eval.GridSpec;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.nn.OpenBlasCoreType;
import io.dxrewrite.rewrite.Rewriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dx-rewrite evaluate}: the privacy-utility grid on a labelled dataset. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Answers 'at which epsilon is my model still good enough?': rewrites the training text "
          + "with each mechanism and epsilon, trains non-private and DP-SGD models, and reports test "
          + "accuracy and membership-inference AUC in RESULTS.md, results.json and PNG plots."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--dataset", required = true, paramLabel = "wordnet-topics|FILE",
      description = "'wordnet-topics' (WordNet 3.1 gloss topics, bundled; see --wordnet) or a"
          + " labelled .jsonl/.tsv file with a split field.")
  String dataset;

  @Option(names = "--wordnet", paramLabel = "DIR",
      description = "WordNet database folder (data.noun, data.verb, data.adj, data.adv) for"
          + " --dataset wordnet-topics, e.g. /usr/share/wordnet (Debian's WordNet 3.0). Default:"
          + " the WordNet 3.1 files bundled in the jar.")
  Path wordnet;

  @Option(names = "--mechanisms", defaultValue = "none,cmp", split = ",", paramLabel = "M,...",
      description = "Rewrite mechanisms; 'none' trains on the original text. Default: ${DEFAULT-VALUE}.")
  List<String> mechanisms;

  @Option(names = "--rewrite-epsilons", split = ",", paramLabel = "E,...",
      description = "Epsilon per word for each mechanism. Default: 5,10,15, unless"
          + " --rewrite-target-nw is given.")
  double[] rewriteEpsilons;

  @Option(names = "--rewrite-target-nw", split = ",", paramLabel = "P,...",
      description = "Median-N_w targets for each mechanism (e.g. 0.3,0.5,0.7): epsilon is"
          + " calibrated per mechanism, so mechanisms with incomparable epsilons (cmp, mahalanobis) become comparable.")
  double[] rewriteTargetNw;

  @Option(names = "--dp-epsilons", defaultValue = "1,3,8", split = ",", paramLabel = "E,...",
      description = "DP-SGD target epsilons (a non-private run is always added). Default: ${DEFAULT-VALUE}.")
  double[] dpEpsilons;

  @Option(names = "--max-train", defaultValue = "20000", paramLabel = "N",
      description = "Fixed random subsample of training records (0 = all). Default: ${DEFAULT-VALUE}.")
  int maxTrain;

  @Option(names = "--max-test", defaultValue = "5000", paramLabel = "N",
      description = "Fixed random subsample of test records (0 = all). Default: ${DEFAULT-VALUE}.")
  int maxTest;

  @Option(names = "--epochs", defaultValue = "5", paramLabel = "N",
      description = "Non-private epochs. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch", defaultValue = "256", paramLabel = "B",
      description = "Non-private batch size. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--lr", defaultValue = "0.005", paramLabel = "LR",
      description = "Non-private learning rate. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(names = "--dp-epochs", defaultValue = "20", paramLabel = "N",
      description = "DP-SGD epochs. Default: ${DEFAULT-VALUE}.")
  int dpEpochs;

  @Option(names = "--dp-batch", defaultValue = "2048", paramLabel = "B",
      description = "DP-SGD expected batch size (capped at N/10). Default: ${DEFAULT-VALUE}.")
  int dpBatch;

  @Option(names = "--dp-lr", defaultValue = "0.02", paramLabel = "LR",
      description = "DP-SGD learning rate. Default: ${DEFAULT-VALUE}.")
  double dpLearningRate;

  @Mixin EmbeddingsOption embeddings;
  @Mixin OutputVocabularyOption outputs;

  @Option(names = "--entities", defaultValue = "placeholder", paramLabel = "MODE",
      description = "How the rewritten training text treats direct identifiers (names, phone"
          + " numbers, ...): placeholder, surrogate or off, as in rewrite. Default: ${DEFAULT-VALUE}.")
  String entities;

  @Option(names = "--out", defaultValue = "evaluation", paramLabel = "DIR",
      description = "Output folder for RESULTS.md, results.json and plots. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() throws IOException {
    OpenBlasCoreType.warnIfUnset();
    List<LabelledExample> all = "wordnet-topics".equals(dataset)
        ? (wordnet == null ? WordNetTopics.read() : WordNetTopics.read(wordnet))
        : LabelledFileReader.defaults().read(Path.of(dataset));
    List<LabelledExample> train = sample(all, Split.TRAIN, maxTrain);
    List<LabelledExample> test = sample(all, Split.TEST, maxTest);
    if (train.isEmpty() || test.isEmpty()) {
      throw new InvalidInputException("the dataset needs records with split 'train' and 'test'");
    }
    Files.createDirectories(out);
    int dpBatchSize = Math.max(1, Math.min(dpBatch, train.size() / 10));
    double[] targets = rewriteTargetNw == null ? new double[0] : rewriteTargetNw;
    double[] epsilons =
        rewriteEpsilons != null ? rewriteEpsilons : targets.length > 0 ? new double[0] : new double[] {5, 10, 15};
    GridSpec spec = new GridSpec(List.copyOf(mechanisms), epsilons, targets, dpEpsilons,
        options.delta, options.clip, options.config(epochs, batch, learningRate),
        options.config(dpEpochs, dpBatchSize, dpLearningRate), options.seed());
    DxPreconditions.checkArgument(options.delta < 1.0 / train.size(),
        "delta must be below 1/N = " + 1.0 / train.size() + ", got " + options.delta);
    OutputVocabulary rule = outputs.rule();
    EmbeddingStore store = embeddings.open();
    IndexKind kind = embeddings.kind();
    MechanismContext context =
        MechanismContext.of(store, kind.create(store), ProgressListener.NONE)
            .restrictOutputs(rule, kind::create);
    Rewriter rewriter = new Rewriter(context);
    EntityTreatment treatment = EntityTreatment.fromCliName(entities);
    System.err.printf(Locale.ROOT, "evaluate: index %s, output vocabulary %s, entities %s%n",
        context.outputIndex().name(), rule.describe(), treatment.cliName());
    System.err.printf(Locale.ROOT, "evaluate: %s, %d train / %d test records, %d training runs%s%n",
        dataset, train.size(), test.size(), spec.runs(),
        spec.seed().isPresent() ? ", SEEDED (not for production)" : "");
    int[] done = {0};
    List<GridResult> results = new EvaluationGrid(rewriter, treatment).run(spec, train, test,
        r -> System.err.printf(Locale.ROOT,
            "[%d/%d] %s %s, %s: test accuracy %.4f, MIA AUC %.4f (%.1f s)%n",
            ++done[0], spec.runs(), r.mechanism(),
            Double.isNaN(r.rewriteEpsilon()) ? ""
                : (Double.isNaN(r.targetNw()) ? "" : "N_w " + r.targetNw() + " ") + "eps " + r.rewriteEpsilon(),
            r.training(),
            r.testAccuracy(), r.membershipAuc(), r.seconds()),
        status -> System.err.println("evaluate: " + status));
    System.err.printf(Locale.ROOT, "evaluate: %d nearest-word searches on %s%n",
        context.searchedQueries(), context.outputIndex().name());
    List<String> plots = AccuracyPlots.write(results, out);
    write(out.resolve("RESULTS.md"), ResultsReport.markdown(dataset, train.size(), test.size(),
        spec, results, plots).getBytes(StandardCharsets.UTF_8));
    write(out.resolve("results.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(results));
    System.err.println("evaluate: wrote " + out.resolve("RESULTS.md"));
    return DxRewriteCommand.EXIT_OK;
  }

  private static List<LabelledExample> sample(List<LabelledExample> all, Split split, int max) {
    List<LabelledExample> part = new ArrayList<>();
    all.forEach(e -> {
      if (e.split() == split) {
        part.add(e);
      }
    });
    if (max > 0 && part.size() > max) {
      Collections.shuffle(part, new Random(42));
      return List.copyOf(part.subList(0, max));
    }
    return part;
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    try (AtomicOutput o = new AtomicOutput(file)) {
      o.stream().write(bytes);
      o.commit();
    }
  }
}
