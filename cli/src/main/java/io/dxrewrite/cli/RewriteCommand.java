package io.dxrewrite.cli;

import io.dxrewrite.cli.io.AtomicOutput;
import io.dxrewrite.cli.io.LineReader;
import io.dxrewrite.cli.io.RecordCodec;
import io.dxrewrite.cli.io.RecordFormat;
import io.dxrewrite.cli.progress.RewriteProgress;
import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.cli.progress.Terminal;
import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.fasttext.FastTextModel;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.error.IoFailureException;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.rewrite.Guarantee;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.TotalEpsilonLimit;
import io.dxrewrite.entity.EntityList;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.rewrite.SkipList;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dx-rewrite rewrite}: rewrites a corpus under metric differential privacy. */
@Command(
    name = "rewrite",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrites each record: every word's embedding gets noise scaled by epsilon and is "
          + "replaced by the nearest vocabulary word.",
      "Non-word characters are kept exactly; casing follows --casing."
    },
    footer = {
      "",
      "What the guarantee covers:",
      Guarantee.SUMMARY,
      Guarantee.METRICS,
      Guarantee.COMPOSITION,
      "",
      "Names are not hidden at usual epsilons (measured by scripts/name-survival.sh on 200"
          + " synthetic lines, cmp, full GloVe store): full name / city unchanged in 0 / 6 of 200"
          + " lines at epsilon 5, 54 / 142 at 10, 162 / 199 at 15. See README, Choosing epsilon."
    })
final class RewriteCommand implements Callable<Integer> {
  @Option(
      names = "--epsilon",
      paramLabel = "E",
      description =
          "Epsilon per word, in ${bundle:range.epsilon}. For CMP on GloVe 100d, almost every word changes below"
              + " about 5 and almost none above about 20 (what that does to names: see below)."
              + " Give --epsilon or --target-nw.")
  Double epsilon;

  @Option(
      names = "--target-nw",
      paramLabel = "P",
      description =
          "Instead of --epsilon: calibrate epsilon so that a share P in ${bundle:range.target_nw}"
              + " of a typical text's words"
              + " come back unchanged (words drawn from a Zipf prior over the store's"
              + " frequency-ordered rows; seconds on the embedded store; cached, see 'dx-rewrite"
              + " calibrate'). stderr also gives the vocabulary median N_w at that epsilon.")
  Double targetNw;

  @Mixin MechanismOptions mechanism;
  @Mixin EmbeddingsOption embeddings;
  @Mixin OutputVocabularyOption outputs;
  @Mixin CalibrationOptions sampling;

  @Option(
      names = "--input",
      defaultValue = "-",
      paramLabel = "PATH",
      description = "Input file, or - for stdin. Default: -.")
  String input;

  @Option(
      names = "--output",
      defaultValue = "-",
      paramLabel = "PATH",
      description = "Output file (written atomically), or - for stdout. Default: -.")
  String output;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FMT",
      description = "text (one record per line), jsonl or tsv. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--field",
      paramLabel = "NAME",
      description = "JSONL field or TSV header column to rewrite (jsonl and tsv only); with"
          + " --header no, the 1-based TSV column number. Default: text.")
  String field;

  @Option(
      names = "--header",
      paramLabel = "yes|no",
      description = "Whether line 1 of a TSV is a header of column names (tsv only). With 'yes'"
          + " a first line with an empty or numeric cell is refused as not a header; with 'no'"
          + " every line is a record and --field is a column number. Default: yes.")
  String header;

  private boolean tsvHeader = true;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed for reproducible output (tests and audits only, not for production).")
  Long seed;

  @Option(
      names = "--oov",
      paramLabel = "POLICY",
      description =
          "Out-of-vocabulary words: subword (perturb from the word's own fastText subword vector;"
              + " default when a model is given), unk (perturb from a public point; default"
              + " otherwise) or keep (copy through unprotected; counted in the report).")
  String oov;

  @Option(
      names = "--casing",
      defaultValue = "structural",
      paramLabel = "POLICY",
      description =
          "structural (default): output casing from public structure only, the first word of a"
              + " line or sentence capitalised and every other word lower case; keep: re-apply"
              + " the input's casing (released unprotected, reported as casing \"released\").")
  String casing;

  @Option(
      names = "--subject-field",
      paramLabel = "NAME",
      description =
          "JSONL field or TSV column naming the person a record is about (jsonl and tsv only):"
              + " each record's total epsilon is added to its subject's total; the summary gives"
              + " the number of subjects and the largest total. Keys are never written anywhere.")
  String subjectField;

  @Option(
      names = "--subject-budget",
      paramLabel = "B",
      description =
          "With --subject-field: refuse (exit 2, naming the line) a record that would take its"
              + " subject's total epsilon above B.")
  Double subjectBudget;

  @Option(
      names = "--subwords",
      paramLabel = "MODEL.bin",
      description =
          "fastText model whose vocabulary the --embeddings store was imported from"
              + " (import-embeddings --format fasttext-bin); gives out-of-vocabulary words"
              + " subword vectors.")
  Path subwords;

  @Option(
      names = "--skip-words",
      paramLabel = "FILE",
      description = "A public skip list (one word per line, e.g. stop words) copied through.")
  Path skipWords;

  @Option(
      names = "--entities",
      defaultValue = "placeholder",
      paramLabel = "MODE",
      description =
          "Direct identifiers (names, phone numbers, e-mail and IP addresses, URLs, cards, IBANs,"
              + " SSNs, dates, numbers of 3+ digits): placeholder (write <PERSON>, <PHONE>, ...;"
              + " default), surrogate (a random value of that kind and shape) or off (explicit"
              + " opt-out: they go through the mechanism like any word; reported). Their kinds are"
              + " counted in the report; their values never reach the mechanism.")
  String entities;

  @Option(
      names = "--entity-list",
      paramLabel = "FILE",
      description =
          "A deny-list (UTF-8, one term per line, optionally TYPE<TAB>term, # comments) of terms"
              + " always treated as identifiers, added to the built-in recognizers.")
  Path entityList;

  private EntityTreatment entityTreatment;
  private EntityList denyList;

  @Option(
      names = "--batch-size",
      defaultValue = "512",
      paramLabel = "N",
      description = "Records per batch sent through the index together. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--report",
      paramLabel = "PATH",
      description = "Write one JSON privacy report per record (line number and counts) here.")
  Path reportPath;

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (IOException e) {
      // the reason ("No space left on device", "Broken pipe") names no record text
      throw new IoFailureException("cannot read or write: " + e.getMessage(), e);
    }
  }

  private Integer run() throws IOException {
    DxPreconditions.checkArgument(
        batchSize >= 1 && batchSize <= 100_000, "--batch-size must be in [1, 100000], got " + batchSize);
    RecordFormat recordFormat = RecordFormat.fromCliName(format);
    if (field != null && recordFormat == RecordFormat.TEXT) {
      throw new InvalidParameterException(
          "--field applies to --format jsonl and tsv; --format text rewrites whole lines");
    }
    if (header != null && recordFormat != RecordFormat.TSV) {
      throw new InvalidParameterException("--header applies to --format tsv only");
    }
    if (header != null) {
      DxPreconditions.checkOneOf("--header", header, java.util.List.of("yes", "no"));
    }
    tsvHeader = !"no".equals(header);
    if (!tsvHeader && field == null) {
      throw new InvalidParameterException(
          "with --header no, give --field N, the 1-based number of the column to rewrite");
    }
    if (field == null) {
      field = "text";
    }
    CasingPolicy.fromCliName(casing); // refuses an unknown policy up front
    if (subjectBudget != null) {
      DxPreconditions.checkArgument(
          subjectField != null, "--subject-budget needs --subject-field (whose budget it is)");
      DxPreconditions.checkArgument(
          Double.isFinite(subjectBudget) && subjectBudget > 0,
          "--subject-budget must be a finite number > 0, got " + subjectBudget);
    }
    RecordCodec.of(recordFormat, field, subjectField, tsvHeader); // refuses a bad --subject-field up front
    Set<String> skip = skipWords == null ? Set.of() : SkipList.load(skipWords);
    if ((epsilon == null) == (targetNw == null)) {
      throw new InvalidParameterException("give exactly one of --epsilon and --target-nw");
    }
    if (epsilon != null) {
      DxPreconditions.checkEpsilon(epsilon);
    }
    mechanism.validate();
    boolean fromFile = !"-".equals(input);
    boolean toFile = !"-".equals(output);
    Path inputPath = fromFile ? Path.of(input) : null;
    OutputPaths.check(input, output, reportPath);
    if (seed != null) {
      System.err.println(
          "dx-rewrite: seeded run: output is reproducible; use seeds for tests and audits only");
    }

    if (oov != null) {
      OovPolicy.fromCliName(oov);
    }
    entityTreatment = EntityTreatment.fromCliName(entities);
    denyList = entityList == null ? EntityList.EMPTY : EntityList.read(entityList);
    if (entityTreatment == EntityTreatment.OFF) {
      if (entityList != null) {
        throw new InvalidParameterException("--entity-list needs --entities placeholder or surrogate");
      }
      System.err.println(
          "dx-rewrite: --entities off: names, phone numbers and other identifiers are not"
              + " recognized and go through the mechanism like any word (metric DP only)");
    }
    MechanismContext context = mechanism.configure(embeddings.context(outputs));
    try (FastTextModel model = subwordModel()) {
      return rewrite(context, model, recordFormat, skip, fromFile, toFile, inputPath);
    }
  }

  /** The model given as --embeddings or --subwords, or null. */
  private FastTextModel subwordModel() {
    FastTextModel model = embeddings.fastTextModel();
    if (subwords == null) {
      return model;
    }
    if (model != null) {
      model.close();
      throw new InvalidParameterException(
          "--subwords is for a store; --embeddings already is a fastText model");
    }
    return FastTextModel.open(subwords);
  }

  private Integer rewrite(
      MechanismContext context,
      FastTextModel model,
      RecordFormat recordFormat,
      Set<String> skip,
      boolean fromFile,
      boolean toFile,
      Path inputPath)
      throws IOException {
    OovPolicy oovPolicy =
        oov != null
            ? OovPolicy.fromCliName(oov)
            : model != null ? OovPolicy.SUBWORD : OovPolicy.UNK;
    if (model != null && oovPolicy == OovPolicy.SUBWORD && !model.hasSubwords()) {
      throw new InvalidParameterException(
          "the fastText model has no subword n-grams (trained with -maxn 0); use --oov unk");
    }
    EmbeddingStore store = context.store();
    NearestNeighbourIndex index = context.outputIndex(); // the index the mechanisms search
    RewriteOptions.Builder builder =
        RewriteOptions.builder()
            .mechanism(mechanism.mechanism)
            .parameters(mechanism.parameters())
            .seed(seed == null ? OptionalLong.empty() : OptionalLong.of(seed))
            .oovPolicy(oovPolicy)
            .skipWords(skip)
            .casing(CasingPolicy.fromCliName(casing))
            .entities(entityTreatment)
            .entityList(denyList);
    if (targetNw != null) {
      Calibration calibration;
      try (TaskProgress progress = new TaskProgress("calibrate", " evaluations")) {
        calibration =
            CalibrationCache.calibrate(
                context, mechanism.mechanism, mechanism.parameters(), targetNw,
                sampling.words, sampling.trials, sampling.seed, progress);
      }
      System.err.println("dx-rewrite: " + calibration.summary());
      builder.epsilon(calibration.epsilon()).targetNw(targetNw);
    } else {
      builder.epsilon(epsilon);
    }
    RewriteOptions options = builder.build();
    Rewriter rewriter = model == null ? new Rewriter(context) : new Rewriter(context, model);
    // build the mechanism once up front so that bad parameters (and table builds) happen before
    // any output is written; an epsilon whose Euclidean equivalent is not finite is refused here
    double euclideanEpsilon =
        TotalEpsilonLimit.perWord(
            io.dxrewrite.mechanism.Mechanisms.create(
                options.mechanism(), context, options.epsilon(), options.parameters()));
    if (euclideanEpsilon != options.epsilon()) {
      System.err.printf(
          Locale.ROOT,
          "dx-rewrite: %s epsilon %s per word is %.4g per word in Euclidean units: charged as"
              + " such%n",
          options.mechanism(), options.epsilon(), euclideanEpsilon);
    }
    SubjectTotals subjects = subjectField == null ? null : new SubjectTotals(subjectBudget);
    long total = fromFile ? RecordPipeline.countLines(inputPath) : -1;
    boolean showProgress = fromFile && (toFile || Terminal.stderrIsTerminal());

    RewriteSummary summary = new RewriteSummary();
    double seconds;
    try (InputStream in = fromFile ? Files.newInputStream(inputPath) : System.in;
        AtomicOutput fileOut = toFile ? new AtomicOutput(Path.of(output)) : null;
        AtomicOutput reportOut = reportPath != null ? new AtomicOutput(reportPath) : null;
        RewriteProgress progress = RewriteProgress.start(total, showProgress)) {
      // FileOutputStream on fd 1, not System.out: a PrintStream swallows write errors, and a full
      // disk or a closed pipe must stop the run with an error instead of reporting success
      OutputStream out =
          toFile
              ? fileOut.stream()
              : new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      Writer reports =
          reportOut == null ? null : new OutputStreamWriter(reportOut.stream(), StandardCharsets.UTF_8);
      LineReader lines = new LineReader(in, fromFile ? input : "stdin");
      RecordCodec codec = RecordCodec.of(recordFormat, field, subjectField, tsvHeader);
      // standard output, a FIFO or a device keeps what was written before a failure; a temporary
      // output file is discarded as a whole
      boolean keepsPartial = !toFile || fileOut.direct();
      RecordPipeline pipeline = new RecordPipeline(
          codec, rewriter, options, batchSize, writer, reports, progress, summary, subjects);
      try {
        pipeline.run(lines, keepsPartial);
      } catch (InvalidInputException e) {
        if (keepsPartial) {
          // whole records only: every record before the bad line, none after it
          writer.flush();
          System.err.printf(
              Locale.ROOT,
              "dx-rewrite: stopped at bad input; %s before it %s written to %s%n",
              summary.records() == 1 ? "the 1 record" : "the " + summary.records() + " records",
              summary.records() == 1 ? "was" : "were",
              toFile ? output : "standard output");
        }
        throw e;
      }
      writer.flush();
      if (reports != null) {
        reports.flush();
        reportOut.commit();
      }
      if (toFile) {
        fileOut.commit();
      }
      seconds = progress.elapsedSeconds();
    }
    summary.print(System.err, embeddings, store, index, options, subjects, seconds);
    return DxRewriteCommand.EXIT_OK;
  }
}
