package io.dxrewrite.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.EmbeddingStoreWriter;
import io.dxrewrite.embeddings.EmbeddingTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written through {@link UmaskTempFile} get the process umask's permissions, like a file
 * created plainly in the same folder (0644 under umask 022), not {@link Files#createTempFile}'s
 * 0600.
 */
class UmaskTempFileTest {
  @TempDir Path dir;

  @Test
  void temporarySiblingHasTheUmasksPermissionsAndAHiddenName() throws IOException {
    Path target = dir.resolve("sub/store.dxemb");
    Path tmp = UmaskTempFile.createSibling(target);
    assertThat(tmp.getParent()).isEqualTo(target.getParent());
    assertThat(tmp.getFileName().toString()).startsWith(".store.dxemb.").endsWith(".tmp");
    assertThat(Files.size(tmp)).isZero();
    assertThat(Files.getPosixFilePermissions(tmp)).isEqualTo(UmaskProbe.permissions(dir));
    assertThat(UmaskTempFile.createSibling(target)).isNotEqualTo(tmp);
  }

  @Test
  void embeddingStoreIsWrittenWithTheUmasksPermissions() throws IOException {
    Path store = dir.resolve("words.dxemb");
    EmbeddingStoreWriter.write(
        new EmbeddingTable(new String[] {"alpha", "beta"}, new float[] {1, 0, 0, 1}, 2, "test"),
        store);
    Set<PosixFilePermission> expected = UmaskProbe.permissions(dir);
    assertThat(Files.getPosixFilePermissions(store)).isEqualTo(expected);
    // under the usual umask 022 that is readable by group and others (the bug: 0600)
    System.out.println("umask permissions here: " + expected);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(store);
    }
  }
}
