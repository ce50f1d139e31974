package io.dxrewrite.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.DxRewriteException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyLedgerTest {
  @TempDir Path dir;

  @Test
  void replaysTotalsPerTenant() {
    Path file = dir.resolve("l.log");
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.charge("a", "r1", 10.5, 100);
      ledger.charge("b", "r2", 3, 100);
      ledger.charge("a", "r3", 0.25, 100);
    }
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.totals()).containsEntry("a", 10.75).containsEntry("b", 3.0);
      assertThat(ledger.size()).isEqualTo(3);
    }
  }

  @Test
  void refusesAChargeOverTheBudgetAndWritesNothing() throws Exception {
    Path file = dir.resolve("l.log");
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.charge("a", "r1", 40, 50);
      long size = Files.size(file);
      assertThatThrownBy(() -> ledger.charge("a", "r2", 10.5, 50))
          .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
            assertThat(e.remaining()).isEqualTo(10.0);
            assertThat(e.requested()).isEqualTo(10.5);
          });
      assertThat(Files.size(file)).isEqualTo(size);
      ledger.charge("a", "r3", 10, 50);
      assertThat(ledger.spent("a")).isEqualTo(50.0);
    }
  }

  @Test
  void cutsATornLastLineLeftByACrash() throws Exception {
    Path file = dir.resolve("l.log");
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.charge("a", "r1", 7, 100);
    }
    Files.writeString(file, "2\t1700000000000\ta\tr2\t9", StandardOpenOption.APPEND);
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.spent("a")).isEqualTo(7.0);
      ledger.charge("a", "r3", 1, 100);
    }
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.spent("a")).isEqualTo(8.0);
      assertThat(ledger.size()).isEqualTo(2);
    }
  }

  @Test
  void refusesALedgerDamagedBeforeItsLastLine() throws Exception {
    Path file = dir.resolve("l.log");
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.charge("a", "r1", 7, 100);
      ledger.charge("a", "r2", 8, 100);
    }
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("\t7\\.0\t", "\t9.0\t"));
    assertThatThrownBy(() -> PrivacyLedger.open(file))
        .isInstanceOf(DxRewriteException.class)
        .hasMessageContaining("damaged at line 2");
  }

  @Test
  void refusesAFileThatIsNotALedger() throws Exception {
    Path file = dir.resolve("other.txt");
    Files.write(file, "hello world\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> PrivacyLedger.open(file))
        .isInstanceOf(DxRewriteException.class)
        .hasMessageContaining("not a dx-rewrite ledger");
  }
}
