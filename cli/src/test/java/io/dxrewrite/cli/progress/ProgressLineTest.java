package io.dxrewrite.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The progress line as a user saw it fail (issue 15): a rewrite of 8,791 records logged to a file
 * printed its last line twice, the bar collapsed to "[ ]" and the text was cut ("8791 word").
 * Driven by a fake clock, so the test does not depend on timing.
 */
class ProgressLineTest {
  private final long[] now = {0};
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void rewrite8791(ProgressLine line) {
    for (int done = 0; done < 8791; done += 100) {
      now[0] += 2_300_000_000L; // 2.3 s per 100 records
      line.setExtraMessage(", 12345 words/s");
      line.stepBy(Math.min(100, 8791 - done));
    }
    line.close();
  }

  @Test
  void aLogGetsPlainUncutLinesAndTheLastOneOnce() {
    rewrite8791(new ProgressLine("rewrite", " records", 8791, err, false, 80, () -> now[0]));
    List<String> lines = written().lines().toList();
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain("[").endsWith("words/s"));
    assertThat(lines.stream().filter(l -> l.contains("8791/8791 records"))).hasSize(1);
    assertThat(lines.get(lines.size() - 1))
        .startsWith("rewrite 100% 8791/8791 records, 43.4/s, 0:03:22, 12345 words/s");
    // a line once 10 s have passed (every 5th step of 2.3 s: 17 in 202.4 s), plus the last
    assertThat(lines).hasSize(18);
  }

  @Test
  void closingTwiceOrWithoutProgressSinceTheLastLinePrintsNothingMore() {
    ProgressLine line = new ProgressLine("task", " words", 10, err, false, 80, () -> now[0]);
    now[0] += 11_000_000_000L;
    line.stepTo(10);
    line.close();
    line.close();
    assertThat(written().lines()).containsExactly("task 100% 10/10 words, 0.9/s, 0:00:11");
  }

  @Test
  void anEightyColumnTerminalKeepsTheWholeTextAndABarThatFits() {
    rewrite8791(new ProgressLine("rewrite", " records", 8791, err, true, 80, () -> now[0]));
    List<String> frames = Arrays.stream(written().split("[\r\n]")).filter(f -> !f.isBlank()).toList();
    assertThat(frames).isNotEmpty().allSatisfy(f -> {
      assertThat(f.stripTrailing()).hasSizeLessThanOrEqualTo(79).doesNotContain("[ ]").endsWith("12345 words/s");
    });
    String last = frames.get(frames.size() - 1).stripTrailing();
    assertThat(last).startsWith("rewrite 100% [==========")
        .endsWith("] 8791/8791 records, 43.4/s, 0:03:22, 12345 words/s");
    assertThat(written()).endsWith("\n");
  }

  @Test
  void aTerminalTooNarrowForABarShowsTheTextWithoutOne() {
    ProgressLine line = new ProgressLine("rewrite", " records", 8791, err, true, 40, () -> now[0]);
    now[0] += 1_000_000_000L;
    line.stepTo(4000);
    line.close();
    assertThat(written()).doesNotContain("[").contains("rewrite  45% 4000/8791 records");
  }
}
