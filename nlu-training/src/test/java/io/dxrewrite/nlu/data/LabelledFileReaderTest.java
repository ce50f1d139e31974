package io.dxrewrite.nlu.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledFileReaderTest {
  @TempDir Path dir;

  @Test
  void readsJsonlWithNumericLabelsAndOptionalSplit() throws IOException {
    Path f = write("a.jsonl", "{\"id\":1,\"text\":\"Great phone\",\"label\":1,\"split\":\"test\"}\n"
        + "\n{\"text\":\"Battery died\",\"label\":0}\n");
    List<LabelledExample> out = LabelledFileReader.defaults().read(f);
    assertThat(out).containsExactly(
        new LabelledExample("Great phone", "1", Split.TEST),
        new LabelledExample("Battery died", "0", Split.TRAIN));
  }

  @Test
  void readsTsvByHeaderWithCustomFields() throws IOException {
    Path f = write("a.tsv", "score\tsplit\treview\ngreat\ttrain\tLoved it\nother\tTEST\tMeh\n");
    List<LabelledExample> out = new LabelledFileReader("review", "score", "split").read(f);
    assertThat(out).containsExactly(
        new LabelledExample("Loved it", "great", Split.TRAIN),
        new LabelledExample("Meh", "other", Split.TEST));
  }

  @Test
  void errorsNameTheLineButNeverTheText() throws IOException {
    Path bad = write("b.jsonl", "{\"text\":\"secret words\",\"label\":1}\n{\"text\":\"secret 2\"}\n");
    assertThatThrownBy(() -> LabelledFileReader.defaults().read(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2").hasMessageContaining("'label'")
        .hasMessageNotContaining("secret");
    Path badSplit = write("c.jsonl", "{\"text\":\"secret\",\"label\":1,\"split\":\"dev\"}\n");
    assertThatThrownBy(() -> LabelledFileReader.defaults().read(badSplit))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1")
        .hasMessageNotContaining("secret");
    Path badTsv = write("d.tsv", "text\tlabel\nsecret only\n");
    assertThatThrownBy(() -> LabelledFileReader.defaults().read(badTsv))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> LabelledFileReader.defaults().read(dir.resolve("missing.jsonl")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
  }

  @Test
  void labelSetIsSortedAndRejectsUnseenLabels() {
    List<LabelledExample> train = List.of(new LabelledExample("a", "b", Split.TRAIN),
        new LabelledExample("c", "a", Split.TRAIN));
    LabelSet labels = LabelSet.of(train);
    assertThat(labels.names()).containsExactly("a", "b");
    assertThat(labels.indices(train)).containsExactly(1, 0);
    assertThatThrownBy(() -> labels.indices(List.of(new LabelledExample("x", "z", Split.TEST))))
        .isInstanceOf(InvalidInputException.class);
  }

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }
}
