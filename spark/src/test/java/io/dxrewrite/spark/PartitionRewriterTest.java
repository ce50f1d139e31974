package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.spark.LocalSpark.Example;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** The mapPartitions function on its own: what a task, or its retry, computes for a partition. */
class PartitionRewriterTest {
  private static final StoreLocation STORE = StoreLocation.embeddedDefault();

  /** The partition a task would see: 300 examples keyed by their line number, from 500 on. */
  private static List<Tuple2<Row, Long>> partition() {
    List<Example> examples = LocalSpark.examples().subList(500, 800);
    List<Tuple2<Row, Long>> rows = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      rows.add(new Tuple2<>(RowFactory.create(e.id(), e.text(), e.label()), 500L + i));
    }
    return rows;
  }

  private static List<Row> run(RewriteOptions options, int batchSize) throws Exception {
    PartitionRewriter task =
        new PartitionRewriter(STORE, PortableOptions.of(options), 1, batchSize, null);
    List<Row> out = new ArrayList<>();
    Iterator<Row> rows = task.call(partition().iterator());
    rows.forEachRemaining(out::add);
    return out;
  }

  @Test
  void aRetriedPartitionGivesIdenticalRows() throws Exception {
    RewriteOptions seeded = RewriteOptions.builder().epsilon(10).seed(99).build();
    List<Row> first = run(seeded, 64);
    List<Row> retry = run(seeded, 64);
    assertThat(retry).isEqualTo(first);
    // noise depends on (seed, row key) only, not on how the partition is cut into batches
    assertThat(run(seeded, 7)).isEqualTo(first);
    assertThat(first).hasSize(300);
  }

  @Test
  void withoutASeedARerunDrawsFreshNoise() throws Exception {
    // the contrast to the test above: if seeded keys were ignored, a retry would look like this
    RewriteOptions secure = RewriteOptions.builder().epsilon(10).build();
    assertThat(run(secure, 64)).isNotEqualTo(run(secure, 64));
  }

  @Test
  void otherColumnsAreCopiedAndTheReportIsAppended() throws Exception {
    List<Row> rows = run(RewriteOptions.builder().epsilon(10).seed(1).build(), 64);
    List<Tuple2<Row, Long>> in = partition();
    for (int i = 0; i < rows.size(); i++) {
      Row original = in.get(i)._1();
      assertThat(rows.get(i).length()).isEqualTo(4);
      assertThat(rows.get(i).get(0)).isEqualTo(original.get(0));
      assertThat(rows.get(i).get(2)).isEqualTo(original.get(2));
      assertThat(ReportColumn.fromRow(rows.get(i).getStruct(3)).seeded()).isTrue();
    }
  }

  /** The rule of every front end (UnpairedSurrogates): such a row fails its task, by key. */
  @Test
  void aRowWithAnUnpairedSurrogateFailsNamingItsKeyNotItsText() {
    PartitionRewriter task = new PartitionRewriter(
        STORE, PortableOptions.of(RewriteOptions.builder().epsilon(10).seed(1).build()), 1, 64, null);
    List<Tuple2<Row, Long>> rows = List.of(
        new Tuple2<>(RowFactory.create(1L, "fine words", 0L), 40L),
        new Tuple2<>(RowFactory.create(2L, "Alice \ud800 Smith", 1L), 41L));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> task.call(rows.iterator()).forEachRemaining(r -> { }))
        .isInstanceOf(io.dxrewrite.error.InvalidInputException.class)
        .hasMessageStartingWith("row with key 41: the text column holds an unpaired UTF-16 surrogate")
        .hasMessageNotContaining("Alice");
  }

  @Test
  void theClosureCarriesNeitherStoreNorIndex() throws IOException {
    PartitionRewriter task =
        new PartitionRewriter(
            STORE, PortableOptions.of(RewriteOptions.builder().epsilon(10).build()), 1, 512, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(task);
    }
    // the 20k x 100 store alone is 8 MB; the closure is a path, a checksum and the options
    assertThat(bytes.size()).isLessThan(2_000);
  }
}
