package io.dxrewrite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.cli.io.Line;
import io.dxrewrite.cli.io.LineReader;
import io.dxrewrite.cli.io.RecordCodec;
import io.dxrewrite.cli.progress.RewriteProgress;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.rewrite.TotalEpsilonException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record pipeline of {@code dx-rewrite rewrite}: reads the input line by line, parses each line
 * into a record, sends the records through the {@link Rewriter} in batches of {@code --batch-size},
 * and writes every line back in input order (a record rewritten, anything else as it was), one
 * report line per record, and each record's total epsilon to its subject. A bad line stops the run:
 * every record before it is written whole, none after it.
 */
final class RecordPipeline {
  private static final ObjectMapper REPORT_JSON = new ObjectMapper();

  private final RecordCodec codec;
  private final Rewriter rewriter;
  private final RewriteOptions options;
  private final int batchSize;
  private final Writer writer;
  private final Writer reports;
  private final RewriteProgress progress;
  private final RewriteSummary summary;
  private final SubjectTotals subjects;
  private final List<Line> batchLines;
  private final List<RecordCodec.Record> batchRecords;

  /**
   * @param codec parses lines into records and renders rewritten records
   * @param rewriter the rewriter
   * @param options mechanism, epsilon and policies
   * @param batchSize records per call of the rewriter
   * @param writer where the output lines go
   * @param reports where the report lines go, or null for none
   * @param progress counts records and words done
   * @param summary collects each record's report
   * @param subjects per-subject totals, or null without {@code --subject-field}
   */
  RecordPipeline(
      RecordCodec codec,
      Rewriter rewriter,
      RewriteOptions options,
      int batchSize,
      Writer writer,
      Writer reports,
      RewriteProgress progress,
      RewriteSummary summary,
      SubjectTotals subjects) {
    this.codec = codec;
    this.rewriter = rewriter;
    this.options = options;
    this.batchSize = batchSize;
    this.writer = writer;
    this.reports = reports;
    this.progress = progress;
    this.summary = summary;
    this.subjects = subjects;
    this.batchLines = new ArrayList<>(batchSize);
    this.batchRecords = new ArrayList<>(batchSize);
  }

  /**
   * Runs the pipeline over every line.
   *
   * @param lines the input
   * @param keepsPartial whether the output keeps what was written before a failure (standard
   *     output, a FIFO, a device): then a bad line's earlier records are still rewritten
   * @throws InvalidInputException naming the first bad line (by number only)
   * @throws IOException if reading or writing fails
   */
  void run(LineReader lines, boolean keepsPartial) throws IOException {
    Line line = lines.next();
    if (line != null && codec.header(line)) {
      System.err.println("dx-rewrite: " + codec.headerNote());
      writer.write(line.content());
      writer.write(line.terminator());
      line = lines.next();
    }
    try {
      while (line != null) {
        RecordCodec.Record record = codec.parse(line);
        batchLines.add(line);
        batchRecords.add(record);
        if (batchLines.size() == batchSize) {
          flushBatch();
        }
        line = lines.next();
      }
    } catch (InvalidInputException e) {
      if (keepsPartial) {
        // the failing line is not in the batch: rewrite the records before it, so that the
        // output holds every record up to the bad line
        flushBatch();
      }
      throw e;
    }
    flushBatch();
  }

  private void flushBatch() throws IOException {
    if (batchLines.isEmpty()) {
      return;
    }
    List<Long> recordLines = new ArrayList<>(batchRecords.size());
    List<String> texts = new ArrayList<>(batchRecords.size());
    long[] keys = new long[batchRecords.size()];
    for (int i = 0; i < batchRecords.size(); i++) {
      RecordCodec.Record record = batchRecords.get(i);
      if (record != null) {
        // record keys are 0-based line numbers, so seeded output does not depend on --batch-size
        keys[texts.size()] = batchLines.get(i).number() - 1;
        recordLines.add(batchLines.get(i).number());
        texts.add(record.text());
      }
    }
    List<RewriteResult> results;
    try {
      results = rewriter.rewriteBatch(texts, options, Arrays.copyOf(keys, texts.size()));
    } catch (TotalEpsilonException e) {
      batchLines.clear();
      batchRecords.clear();
      throw e.record() < 0
          ? e
          : new TotalEpsilonException(
              "line " + recordLines.get(e.record()) + ": " + e.getMessage(), e.record());
    }
    long words = 0;
    for (int i = 0, r = 0; i < batchLines.size(); i++) {
      Line line = batchLines.get(i);
      RecordCodec.Record record = batchRecords.get(i);
      if (record == null) {
        writer.write(line.content());
      } else {
        RewriteResult result = results.get(r++);
        if (subjects != null) {
          try {
            subjects.check(record.subject(), result.report().totalEpsilon(), line.number());
          } catch (InvalidInputException e) {
            // the records before it are written; clear the batch so that none is written twice
            batchLines.clear();
            batchRecords.clear();
            throw e;
          }
          subjects.charge(record.subject(), result.report().totalEpsilon());
        }
        writer.write(record.render(result.text()));
        summary.add(result.report());
        words += result.report().words();
        if (reports != null) {
          reports.write(reportJson(line.number(), result.report()));
          reports.write('\n');
        }
      }
      writer.write(line.terminator());
    }
    progress.advance(batchLines.size(), words);
    batchLines.clear();
    batchRecords.clear();
  }

  /**
   * {@code {"line": N, ...PrivacyReport.toMap()}}: the same fields, order and values as the API's
   * report and the Spark column's JSON ({@code target_nw} only when epsilon was calibrated).
   *
   * @param line the record's 1-based input line number
   * @param r the record's report
   * @return one JSON object, no line terminator
   * @throws IOException if Jackson fails to write it
   */
  static String reportJson(long line, PrivacyReport r) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("line", line);
    json.putAll(r.toMap());
    return REPORT_JSON.writeValueAsString(json);
  }

  /**
   * @param file the input file
   * @return its number of lines (a last line without a terminator counts), for the progress bar
   * @throws InvalidInputException if it does not exist
   * @throws IOException if reading fails
   */
  static long countLines(Path file) throws IOException {
    long lines = 0;
    boolean pending = false;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
            pending = false;
          } else {
            pending = true;
          }
        }
      }
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new InvalidInputException("input " + file + " does not exist");
    }
    return pending ? lines + 1 : lines;
  }
}
