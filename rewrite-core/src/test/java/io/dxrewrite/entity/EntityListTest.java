package io.dxrewrite.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deny-list file format (made-up terms). */
class EntityListTest {
  @TempDir Path dir;

  @Test
  void readsTermsWithOptionalTypes() throws Exception {
    Path file = dir.resolve("list.txt");
    Files.writeString(
        file, "# staff\nZork Quux\n\nnumber\tProject Bluebird\n  plonk  \n", StandardCharsets.UTF_8);
    EntityList list = EntityList.read(file);
    assertThat(list.entries())
        .containsExactly(
            new EntityList.Entry("Zork Quux", EntityType.PERSON),
            new EntityList.Entry("Project Bluebird", EntityType.NUMBER),
            new EntityList.Entry("plonk", EntityType.PERSON));
    assertThat(list.toString()).doesNotContain("Zork");
  }

  @Test
  void errorsNameTheLineButNeverTheTerm() throws Exception {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "Zork\nSECRETKIND\tQuux Plonk\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EntityList.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2")
        .hasMessageNotContaining("Quux")
        .hasMessageNotContaining("SECRETKIND");
    assertThatThrownBy(() -> EntityList.read(dir.resolve("missing.txt")))
        .isInstanceOf(InvalidInputException.class);
    Files.write(dir.resolve("latin1.txt"), new byte[] {'Z', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> EntityList.read(dir.resolve("latin1.txt")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("UTF-8");
  }
}
