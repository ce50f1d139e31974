package io.dxrewrite.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines come out the same however the byte stream is cut into chunks. */
class NdjsonSplitterTest {
  static final String INPUT = "{\"text\": \"line 1 Zorblaxquen\"}\n"
      + "{\"text\": \"caf\u00e9 \u00fcber \ud83d\ude00 two\"}\r\n"
      + "\n"
      + "{\"text\": \"" + "x".repeat(40) + "\"}\n"
      + "{\"text\": \"last line without newline\"}";

  static final List<String> EXPECTED = List.of(
      "{\"text\": \"line 1 Zorblaxquen\"}",
      "{\"text\": \"caf\u00e9 \u00fcber \ud83d\ude00 two\"}",
      "",
      "TOO LONG",
      "{\"text\": \"last line without newline\"}");

  static List<String> split(byte[] bytes, int... cuts) {
    List<String> lines = new ArrayList<>();
    NdjsonSplitter splitter = new NdjsonSplitter(40, line -> lines.add(
        line.tooLong() ? "TOO LONG" : line.bytes().toString(StandardCharsets.UTF_8)));
    int from = 0;
    for (int cut : cuts) {
      splitter.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, from, cut)));
      from = cut;
    }
    splitter.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, from, bytes.length)));
    splitter.end();
    return lines;
  }

  @Test
  void everyPairOfChunkBoundariesGivesTheSameLines() {
    byte[] bytes = INPUT.getBytes(StandardCharsets.UTF_8);
    assertThat(split(bytes)).isEqualTo(EXPECTED);
    for (int a = 0; a <= bytes.length; a++) {
      for (int b = a; b <= bytes.length; b++) {
        assertThat(split(bytes, a, b)).as("cuts at %d and %d", a, b).isEqualTo(EXPECTED);
      }
    }
  }

  @Test
  void oneByteChunksGiveTheSameLines() {
    byte[] bytes = INPUT.getBytes(StandardCharsets.UTF_8);
    int[] cuts = new int[bytes.length];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = i;
    }
    assertThat(split(bytes, cuts)).isEqualTo(EXPECTED);
  }
}
