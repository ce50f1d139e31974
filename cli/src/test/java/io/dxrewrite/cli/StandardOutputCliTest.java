package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI writing to standard output, run in a child JVM: the command writes to file descriptor 1
 * directly (so that a full disk or a closed pipe is an error), which an in-process test cannot
 * capture.
 */
class StandardOutputCliTest {
  @TempDir Path dir;

  private static Process start(Path stdout, Path stderr, String... args) throws IOException {
    String classpath =
        Files.readString(Path.of(System.getProperty("dxrewrite.testClasspath"))).strip()
            + File.pathSeparator
            + Path.of("target/classes").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx1g", "--add-modules", "jdk.incubator.vector", "-cp", classpath));
    command.add(DxRewriteCommand.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
  }

  @Test
  void badInputMidwayLeavesEveryEarlierRecordWholeOnStandardOutput() throws Exception {
    // 95 records, batches of 10; line 57 is cut off, so records 51-56 are parsed but not yet
    // rewritten when the bad line is read
    List<String> lines =
        new ArrayList<>(Files.readAllLines(Path.of("..", "examples", "amazon-sentences.jsonl")))
            .subList(0, 95);
    lines.set(56, "{\"id\": 57, \"text\": \"my PIN is ZQXJSECRET\", \"label\": ");
    Path in = dir.resolve("broken.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("stdout.jsonl");
    Path err = dir.resolve("stderr.txt");
    Process child =
        start(out, err, "rewrite", "--epsilon", "10", "--format", "jsonl", "--batch-size", "10",
            "--input", in.toString());
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err);
    assertThat(child.exitValue()).as(stderr).isEqualTo(2);
    assertThat(stderr)
        .contains("line 57")
        .contains("the 56 records before it were written to standard output")
        .doesNotContain("ZQXJ");
    String written = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(written).endsWith("\n").doesNotContain("ZQXJ");
    List<String> records = written.lines().toList();
    assertThat(records).hasSize(56);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < records.size(); i++) {
      assertThat(json.readTree(records.get(i)).get("id"))
          .isEqualTo(json.readTree(lines.get(i)).get("id"));
    }
  }
}
