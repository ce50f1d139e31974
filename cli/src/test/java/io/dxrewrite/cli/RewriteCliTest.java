package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end on the real sample corpus in examples/, through the picocli entry point. */
class RewriteCliTest {
  private static final Path TEXT = Path.of("..", "examples", "amazon-sentences.txt");
  private static final Path JSONL = Path.of("..", "examples", "amazon-sentences.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void textKeepsTheLineCountAndChangesWords() throws IOException {
    Path out = dir.resolve("out.txt");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--input", TEXT.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> in = Files.readAllLines(TEXT);
    List<String> rewritten = Files.readAllLines(out);
    assertThat(rewritten).hasSameSizeAs(in);
    long changed = 0;
    for (int i = 0; i < in.size(); i++) {
      if (!in.get(i).equals(rewritten.get(i))) {
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(900);
    assertThat(run.err()).contains("1000 records").contains("SecureRandom");
  }

  @Test
  void jsonlKeepsLabelsIdsAndFieldOrder() throws IOException {
    Path out = dir.resolve("out.jsonl");
    CliRun run =
        CliRun.of(
            "rewrite", "--epsilon", "10", "--format", "jsonl", "--input", JSONL.toString(),
            "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> in = Files.readAllLines(JSONL);
    List<String> rewritten = Files.readAllLines(out);
    assertThat(rewritten).hasSameSizeAs(in);
    for (int i = 0; i < in.size(); i++) {
      JsonNode a = JSON.readTree(in.get(i));
      JsonNode b = JSON.readTree(rewritten.get(i));
      assertThat(b.get("label")).isEqualTo(a.get("label"));
      assertThat(b.get("id")).isEqualTo(a.get("id"));
      List<String> names = new ArrayList<>();
      b.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("id", "text", "label");
    }
  }

  @Test
  void jsonlLinesAreKeptByteForByteExceptTheRewrittenValue() throws IOException {
    // number formats Jackson would re-serialise (1.50, 1e3, -0.0, 2.0, huge integers), spacing,
    // escapes, a byte-order mark on line 1 and non-ASCII text must all come back unchanged
    String prefix1 = "\uFEFF{ \"id\" : 12345678901234567890, \"text\" : ";
    String value1 = "\"the \\\"price\\\" was fine, caf\u00e9 \\u00e9t\u00e9 \\n ok\"";
    String suffix1 = " , \"price\":1.50,\"big\":1e3,\"neg\":-0.0,\"f\":2.0,"
        + "\"nested\":{\"w\":[1, 2.250, {\"text\":\"inner stays\"}]} }";
    String prefix2 = "{\"text\":";
    String value2 = "\"good battery life\"";
    String suffix2 = ",\"label\":0}";
    Path in = dir.resolve("exact.jsonl");
    Files.writeString(
        in, prefix1 + value1 + suffix1 + "\r\n" + prefix2 + value2 + suffix2 + "\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("exact-out.jsonl");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--format", "jsonl", "--input", in.toString(),
            "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String written = Files.readString(out, StandardCharsets.UTF_8);
    String[] lines = written.split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty();
    assertThat(lines[0]).startsWith(prefix1).endsWith(suffix1 + "\r");
    assertThat(lines[1]).startsWith(prefix2).endsWith(suffix2);
    String rewritten1 =
        lines[0].substring(prefix1.length(), lines[0].length() - suffix1.length() - 1);
    String rewritten2 = lines[1].substring(prefix2.length(), lines[1].length() - suffix2.length());
    // the replaced part is one JSON string, the rewritten text
    assertThat(JSON.readTree(rewritten1).isTextual()).isTrue();
    assertThat(JSON.readTree(rewritten2).isTextual()).isTrue();
    assertThat(JSON.readTree(rewritten1).textValue()).isNotEqualTo(JSON.readTree(value1).textValue());
  }

  @Test
  void jsonlWithARepeatedFieldNameIsABadInputError() throws IOException {
    for (String record :
        List.of(
            "{\"text\":\"first ZQXJSECRET\",\"text\":\"second ZQXJSECRET\"}",
            "{\"text\":\"ok\",\"meta\":{\"a\":1,\"a\":2}}")) {
      Path in = dir.resolve("dup.jsonl");
      Files.writeString(in, "{\"text\":\"fine\"}\n" + record + "\n");
      CliRun run =
          CliRun.of("rewrite", "--epsilon", "3", "--format", "jsonl", "--input", in.toString(),
              "--output", dir.resolve("dup-out.jsonl").toString());
      assertThat(run.exitCode()).as(record).isEqualTo(2);
      assertThat(run.err()).contains("line 2: a field name is repeated").doesNotContain("ZQXJ");
      assertThat(dir.resolve("dup-out.jsonl")).doesNotExist();
    }
  }

  @Test
  void jsonlNestedTooDeeplyNamesTheLimit() throws IOException {
    Path in = dir.resolve("deep.jsonl");
    Files.writeString(
        in, "{\"text\":\"hello\",\"d\":" + "[".repeat(150) + "]".repeat(150) + "}\n");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "3", "--format", "jsonl", "--input", in.toString(),
            "--output", dir.resolve("deep-out.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 1: JSON nested deeper than 100 levels");
  }

  /**
   * An unpaired surrogate escape is not text: before, the CLI wrote '?' where the API kept the
   * escape. Both now refuse the record (the API with 422 invalid_text), naming it, not its text.
   */
  @Test
  void jsonlWithAnUnpairedSurrogateEscapeIsRefusedNamingTheLine() throws IOException {
    for (String escape : List.of("\\ud800", "\\uDFFF", "\\ud800\\ud800\\udc00")) {
      Path in = dir.resolve("surrogate.jsonl");
      Files.writeString(in, "{\"text\":\"fine\"}\n{\"text\":\"Alice " + escape + " ZQXJSECRET\"}\n");
      Path out = dir.resolve("surrogate-out.jsonl");
      CliRun run =
          CliRun.of("rewrite", "--epsilon", "3", "--format", "jsonl", "--input", in.toString(),
              "--output", out.toString());
      assertThat(run.exitCode()).as(escape).isEqualTo(2);
      assertThat(run.err())
          .contains("line 2: field 'text' holds an unpaired UTF-16 surrogate")
          .doesNotContain("ZQXJ").doesNotContain("Alice");
      assertThat(out).doesNotExist();
    }
    Path paired = dir.resolve("paired.jsonl");
    Files.writeString(paired, "{\"text\":\"smile \\ud83d\\ude00 please\"}\n");
    assertThat(CliRun.of("rewrite", "--epsilon", "3", "--format", "jsonl", "--input",
        paired.toString(), "--output", dir.resolve("paired-out.jsonl").toString()).exitCode())
        .as("a surrogate pair is an ordinary character").isZero();
  }

  /**
   * A TSV without a header whose first row is data (here holding the field name in one cell): it
   * used to be taken for a header, so that record was copied unrewritten with exit 0. A first line
   * with an empty or numeric cell is refused; --header no rewrites every line by column number.
   */
  @Test
  void tsvWithoutAHeaderIsRefusedUnlessHeaderNoIsGiven() throws IOException {
    Path tsv = dir.resolve("noheader.tsv");
    Files.writeString(tsv, "7\ttext\t1\n1\tThe battery life is great.\t1\n2\tIt broke after a week.\t0\n");
    Path out = dir.resolve("noheader-out.tsv");
    CliRun refused = CliRun.of("rewrite", "--epsilon", "0.5", "--seed", "1", "--format", "tsv",
        "--input", tsv.toString(), "--output", out.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("line 1 is not a TSV header: column 1 is a number")
        .contains("--header no");
    assertThat(out).doesNotExist();

    Files.writeString(tsv, "\ttext\tlabel\n1\tThe battery life is great.\t1\n");
    assertThat(CliRun.of("rewrite", "--epsilon", "0.5", "--format", "tsv", "--input",
        tsv.toString(), "--output", out.toString()).err())
        .contains("line 1 is not a TSV header: column 1 is empty");

    Files.writeString(tsv, "7\ttext\t1\n1\tThe battery life is great.\t1\n2\tIt broke after a week.\t0\n");
    CliRun run = CliRun.of("rewrite", "--epsilon", "0.5", "--seed", "1", "--format", "tsv",
        "--header", "no", "--field", "2", "--input", tsv.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("7\t").endsWith("\t1");
    assertThat(lines.get(1)).startsWith("1\t").endsWith("\t1").isNotEqualTo("1\tThe battery life is great.\t1");
    assertThat(lines.get(2)).startsWith("2\t").endsWith("\t0").isNotEqualTo("2\tIt broke after a week.\t0");

    CliRun noField = CliRun.of("rewrite", "--epsilon", "0.5", "--format", "tsv", "--header",
        "no", "--input", tsv.toString(), "--output", out.toString());
    assertThat(noField.exitCode()).isEqualTo(2);
    assertThat(noField.err()).contains("with --header no, give --field N");
    CliRun named = CliRun.of("rewrite", "--epsilon", "0.5", "--format", "tsv", "--header",
        "no", "--field", "review", "--input", tsv.toString(), "--output", out.toString());
    assertThat(named.exitCode()).isEqualTo(2);
    assertThat(named.err()).contains("--field must be the 1-based number of the column");
  }

  @Test
  void tsvWithTheFieldNamedTwiceIsABadInputError() throws IOException {
    Path in = dir.resolve("twice.tsv");
    Files.writeString(in, "id\ttext\ttext\n1\tfirst col\tsecond ZQXJSECRET col\n");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "3", "--format", "tsv", "--input", in.toString(),
            "--output", dir.resolve("twice-out.tsv").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("names column 'text' more than once (columns 2 and 3)")
        .doesNotContain("ZQXJ");
  }

  /**
   * Makes a FIFO and starts reading it to the end on a thread of its own (a reader blocked on the
   * common pool would starve the rewriter's tasks).
   */
  private static java.util.concurrent.FutureTask<String> readFromNewFifo(Path fifo)
      throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    java.util.concurrent.FutureTask<String> reader =
        new java.util.concurrent.FutureTask<>(() -> Files.readString(fifo));
    Thread readerThread = new Thread(reader, "fifo-reader");
    readerThread.setDaemon(true);
    readerThread.start();
    return reader;
  }

  @Test
  void outputThroughASymbolicLinkReplacesTheFileItPointsTo() throws IOException {
    Path in = dir.resolve("in-link.txt");
    Files.writeString(in, "good battery life\nsmall screen\n");
    Path realDir = Files.createDirectories(dir.resolve("real"));
    Path real = realDir.resolve("real.out");
    Files.writeString(real, "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.out"), Path.of("real", "real.out"));
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--input", in.toString(), "--output",
            link.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(real)).hasSize(2).doesNotContain("old");
  }

  @Test
  void outputToAFifoIsWrittenIntoItNotReplaced() throws Exception {
    Path in = dir.resolve("in-fifo.txt");
    Files.writeString(in, "good battery life\nsmall screen\nit works\n");
    Path fifo = dir.resolve("out.fifo");
    java.util.concurrent.FutureTask<String> reader = readFromNewFifo(fifo);
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--input", in.toString(), "--output",
            fifo.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(reader.get(60, java.util.concurrent.TimeUnit.SECONDS).lines()).hasSize(3);
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  @Test
  void mistypedOptionsGiveOneReasonAndPointToHelp() {
    CliRun run = CliRun.of("rewrite", "--epsilon", "abc", "--input", JSONL.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("dx-rewrite: error:")
        .contains("'abc'")
        .contains("Run 'dx-rewrite rewrite --help' for usage.")
        .doesNotContain("Usage:");
    CliRun field =
        CliRun.of("rewrite", "--epsilon", "3", "--field", "body", "--input", JSONL.toString());
    assertThat(field.exitCode()).isEqualTo(2);
    assertThat(field.err()).contains("--field applies to --format jsonl and tsv");
  }

  @Test
  void badInputMidwayLeavesWholeRecordsInAFifo() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(JSONL)).subList(0, 95);
    lines.set(56, "{\"id\": 57, \"text\": \"my PIN is ZQXJSECRET\", \"label\": ");
    Path in = dir.resolve("broken-fifo.jsonl");
    Files.write(in, lines);
    Path fifo = dir.resolve("bad.fifo");
    java.util.concurrent.FutureTask<String> reader = readFromNewFifo(fifo);
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--format", "jsonl", "--batch-size", "10",
            "--input", in.toString(), "--output", fifo.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 57").contains("the 56 records before it were written to");
    String got = reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(got).endsWith("\n").doesNotContain("ZQXJ");
    assertThat(got.lines()).hasSize(56).allSatisfy(l -> assertThat(l).endsWith("}"));
  }

  @Test
  void invalidUtf8IsReportedOnItsOwnLine() throws IOException {
    Path in = dir.resolve("bad-line-5.txt");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("one\ntwo\nthree\nfour\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xff, ' ', 'f', 'i', 'v', 'e', '\n'});
    bytes.write("six\n".getBytes(StandardCharsets.UTF_8));
    Files.write(in, bytes.toByteArray());
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "3", "--input", in.toString(), "--output",
            dir.resolve("o5").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 5 is not valid UTF-8");
  }

  @Test
  void tsvRewritesOnlyTheNamedColumn() throws IOException {
    Path tsv = dir.resolve("in.tsv");
    Files.writeString(
        tsv, "id\treview\tlabel\n1\tThe battery life is great.\t1\n2\tIt broke after a week.\t0\n");
    Path out = dir.resolve("out.tsv");
    CliRun run =
        CliRun.of(
            "rewrite", "--epsilon", "0.5", "--seed", "1", "--format", "tsv", "--field", "review",
            "--input", tsv.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("id\treview\tlabel");
    assertThat(lines.get(1)).startsWith("1\t").endsWith("\t1").isNotEqualTo("1\tThe battery life is great.\t1");
    assertThat(lines.get(2)).startsWith("2\t").endsWith("\t0");
  }

  @Test
  void crlfLineEndingsAndAMissingFinalNewlineSurvive() throws IOException {
    Path in = dir.resolve("crlf.txt");
    Files.writeString(in, "Good case.\r\nBad case.\r\nLast line");
    Path out = dir.resolve("crlf.out");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "1e6", "--input", in.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo("Good case.\r\nBad case.\r\nLast line");
  }

  @Test
  void seededRunsRepeatAcrossBatchSizesAndUnseededRunsDiffer() throws IOException {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Path c = dir.resolve("c.txt");
    Path d = dir.resolve("d.txt");
    String input = TEXT.toString();
    assertThat(CliRun.of("rewrite", "--epsilon", "10", "--seed", "42", "--input", input, "--output", a.toString()).exitCode()).isZero();
    CliRun seeded =
        CliRun.of("rewrite", "--epsilon", "10", "--seed", "42", "--batch-size", "7", "--input", input, "--output", b.toString());
    assertThat(seeded.exitCode()).isZero();
    assertThat(seeded.err()).contains("seeded run");
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    assertThat(CliRun.of("rewrite", "--epsilon", "10", "--input", input, "--output", c.toString()).exitCode()).isZero();
    assertThat(CliRun.of("rewrite", "--epsilon", "10", "--input", input, "--output", d.toString()).exitCode()).isZero();
    assertThat(Files.readString(c)).isNotEqualTo(Files.readString(d));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "NaN", "Infinity", "abc", "1e309"})
  void badEpsilonExitsWithTwo(String epsilon) {
    CliRun run = CliRun.of("rewrite", "--epsilon", epsilon, "--input", TEXT.toString(), "--output", dir.resolve("x").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsIgnoringCase("epsilon");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void unknownMechanismExitsWithTwoListingTheAllowedOnes() {
    CliRun run = CliRun.of("rewrite", "--epsilon", "1", "--mechanism", "magic", "--input", TEXT.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("allowed: cmp");
  }

  @Test
  void inputIsNeverOverwritten() throws IOException {
    Path in = dir.resolve("in.txt");
    Files.copy(TEXT, in);
    byte[] before = Files.readAllBytes(in);
    CliRun run = CliRun.of("rewrite", "--epsilon", "5", "--input", in.toString(), "--output", in.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must not be the input");
    CliRun viaDotDot =
        CliRun.of("rewrite", "--epsilon", "5", "--input", in.toString(), "--output", dir.resolve("sub/../in.txt").toString());
    assertThat(viaDotDot.exitCode()).isEqualTo(2);
    assertThat(Files.readAllBytes(in)).isEqualTo(before);
  }

  @Test
  void failureMidwayLeavesNoPartialOutputAndNeverEchoesRecordText() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(JSONL));
    lines.set(700, "{\"id\": 701, \"text\": \"my PIN is SECRET-4711-TOKEN\", \"label\": ");
    Path in = dir.resolve("broken.jsonl");
    Files.write(in, lines);
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "previous content\n");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--format", "jsonl", "--batch-size", "100",
            "--input", in.toString(), "--output", out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 701").doesNotContain("SECRET-4711-TOKEN").doesNotContain("PIN");
    assertThat(Files.readString(out)).isEqualTo("previous content\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("broken.jsonl", "out.jsonl");
    }
  }

  @Test
  void missingJsonlFieldIsABadInputError() throws IOException {
    Path in = dir.resolve("nofield.jsonl");
    Files.writeString(in, "{\"body\": \"hello world\"}\n");
    CliRun run = CliRun.of("rewrite", "--epsilon", "3", "--format", "jsonl", "--input", in.toString(), "--output", dir.resolve("o").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("line 1").contains("field 'text' is missing");
  }

  @Test
  void invalidUtf8IsABadInputError() throws IOException {
    Path in = dir.resolve("latin1.txt");
    Files.write(in, "caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1));
    CliRun run = CliRun.of("rewrite", "--epsilon", "3", "--input", in.toString(), "--output", dir.resolve("o").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not valid UTF-8");
  }

  @Test
  void missingInputIsABadInputError() {
    CliRun run = CliRun.of("rewrite", "--epsilon", "3", "--input", dir.resolve("nope.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist");
  }

  @Test
  void reportFileHasOneReportPerRecord() throws IOException {
    Path out = dir.resolve("o.txt");
    Path report = dir.resolve("r.jsonl");
    CliRun run = CliRun.of("rewrite", "--epsilon", "4", "--oov", "keep", "--input", TEXT.toString(),
        "--output", out.toString(), "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> reports = Files.readAllLines(report);
    assertThat(reports).hasSize(1000);
    JsonNode first = JSON.readTree(reports.get(0));
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.get("oov_policy").asText()).isEqualTo("keep");
    assertThat(first.get("total_epsilon").asDouble())
        .isEqualTo(4.0 * first.get("words_perturbed").asInt());
  }

  @Test
  void reportEqualToOutputOrAFolderAsOutputIsRefused() throws IOException {
    Path out = dir.resolve("o.txt");
    CliRun same = CliRun.of("rewrite", "--epsilon", "5", "--input", TEXT.toString(), "--output",
        out.toString(), "--report", out.toString());
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("--report must differ from --output");
    CliRun folder = CliRun.of("rewrite", "--epsilon", "5", "--input", TEXT.toString(), "--output",
        dir.toString());
    assertThat(folder.exitCode()).isEqualTo(2);
    assertThat(folder.err()).contains("is a folder");
    CliRun store = CliRun.of("info", "--embeddings", dir.toString());
    assertThat(store.exitCode()).isEqualTo(2);
    assertThat(store.err()).contains("is a folder");
  }

  @Test
  void writtenOutputIsWorldReadableLikeAnyNewFile() throws IOException {
    Path out = dir.resolve("perm.txt");
    assertThat(CliRun.of("rewrite", "--epsilon", "5", "--input", TEXT.toString(), "--output",
        out.toString()).exitCode()).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
  }

  @Test
  void mechanismParametersThatDoNotApplyAreRefused() {
    CliRun run = CliRun.of("rewrite", "--epsilon", "5", "--lambda", "0.5", "--input", TEXT.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--lambda applies to mahalanobis and vickrey only");
  }
}
