package io.dxrewrite.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.DxRewriteException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyLedgerTest {
  static final String SECRET = "a-test-subject-secret-of-32-chars-or-more";

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
      assertThat(ledger.entries()).extracting(LedgerEntry::requestId)
          .containsExactly("r1", "r2", "r3");
    }
  }

  @Test
  void refusesAChargeOverTheBudgetAndWritesNothing() {
    Path file = dir.resolve("l.log");
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.charge("a", "r1", 40, 50);
      assertThatThrownBy(() -> ledger.charge("a", "r2", 10.5, 50))
          .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
            assertThat(e.remaining()).isEqualTo(10.0);
            assertThat(e.requested()).isEqualTo(10.5);
          });
      assertThat(ledger.size()).isEqualTo(1);
      ledger.charge("a", "r3", 10, 50);
      assertThat(ledger.spent("a")).isEqualTo(50.0);
    }
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.entries()).extracting(LedgerEntry::requestId).containsExactly("r1", "r3");
    }
  }

  @Test
  void sumsRecordsPerSubjectAndRefusesTheFirstRecordOverTheSubjectBudget() {
    SubjectKeys keys = new SubjectKeys(SECRET);
    String alice = keys.key("t", "alice@example.org");
    String bob = keys.key("t", "bob@example.org");
    Path file = dir.resolve("l.log");
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.bindSubjectSecret(keys);
      LedgerEntry e = ledger.charge("t", "r1", List.of(new RecordCharge(20, alice),
              new RecordCharge(5, null), new RecordCharge(30, bob), new RecordCharge(10, alice)),
          true, 1e9, OptionalDouble.of(50));
      assertThat(e.epsilon()).isEqualTo(65.0);
      assertThat(e.seeded()).isTrue();
      assertThat(e.subjects()).containsExactly(new SubjectCharge(alice, 30),
          new SubjectCharge(bob, 30));
      // alice has 30 of 50: a record of 15 fits, the next of 10 does not; nothing is charged
      assertThatThrownBy(() -> ledger.charge("t", "r2", List.of(new RecordCharge(1, bob),
              new RecordCharge(15, alice), new RecordCharge(10, alice)), false, 1e9,
          OptionalDouble.of(50)))
          .isInstanceOfSatisfying(SubjectBudgetExceededException.class, x -> {
            assertThat(x.record()).isEqualTo(2);
            assertThat(x.remaining()).isEqualTo(5.0);
            assertThat(x.requested()).isEqualTo(10.0);
            assertThat(x.getMessage()).doesNotContain("alice").doesNotContain(alice);
          });
      assertThat(ledger.subjectSpent("t", alice)).isEqualTo(30.0);
      assertThat(ledger.subjectSpent("t", bob)).isEqualTo(30.0);
      assertThat(ledger.spent("t")).isEqualTo(65.0);
    }
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.subjectSpent("t", alice)).isEqualTo(30.0);
      assertThat(ledger.subjectCount()).isEqualTo(2);
      assertThat(ledger.entries()).hasSize(1);
      assertThat(ledger.entries().get(0).subjects()).hasSize(2);
    }
    byte[] raw = readAll(file);
    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("alice")
        .doesNotContain("example.org");
  }

  /** Eight threads race for one subject's budget of 300: exactly 300 charges of 1 get through. */
  @Test
  void concurrentChargesNeverOverspendASubjectAndAllAcknowledgedOnesPersist() throws Exception {
    SubjectKeys keys = new SubjectKeys(SECRET);
    String key = keys.key("t", "carol");
    Path file = dir.resolve("l.log");
    java.util.concurrent.atomic.AtomicInteger acknowledged =
        new java.util.concurrent.atomic.AtomicInteger();
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      for (int t = 0; t < 8; t++) {
        int thread = t;
        pool.execute(() -> {
          for (int i = 0; i < 50; i++) {
            try {
              ledger.charge("t", "r" + thread + "-" + i, List.of(new RecordCharge(1, key)),
                  false, 1e9, OptionalDouble.of(300));
              acknowledged.incrementAndGet();
            } catch (SubjectBudgetExceededException e) {
              // expected once the budget is spent
            }
          }
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged.get()).isEqualTo(300);
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.subjectSpent("t", key)).isEqualTo(300.0);
      assertThat(ledger.spent("t")).isEqualTo(300.0);
      assertThat(ledger.entries()).hasSize(300);
    }
  }

  @Test
  void refusesAnotherSubjectSecretForTheSameLedger() {
    Path file = dir.resolve("l.log");
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.bindSubjectSecret(new SubjectKeys(SECRET));
    }
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      ledger.bindSubjectSecret(new SubjectKeys(SECRET));
      assertThatThrownBy(() -> ledger.bindSubjectSecret(new SubjectKeys(SECRET + "-other")))
          .isInstanceOf(DxRewriteException.class)
          .hasMessageContaining("another subject_secret")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void migratesAFormat1LedgerOnceAndKeepsABackup() throws Exception {
    Path file = dir.resolve("l.log");
    String v1 = LedgerFormat.HEADER
        + LedgerFormat.encode(new LedgerEntry(1, 1_700_000_000_000L, "a", "r1", 7))
        + LedgerFormat.encode(new LedgerEntry(2, 1_700_000_000_001L, "b", "r2", 2.5))
        + LedgerFormat.encode(new LedgerEntry(3, 1_700_000_000_002L, "a", "r3", 0.5))
        + "4\t1700000000003\ta\tr4\t9"; // torn last line: never acknowledged
    Files.writeString(file, v1);
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.totals()).containsEntry("a", 7.5).containsEntry("b", 2.5);
      assertThat(ledger.size()).isEqualTo(3);
      ledger.charge("a", "r4", 1, 100);
    }
    assertThat(Files.readString(dir.resolve("l.log.v1.bak"))).isEqualTo(v1);
    assertThat(Files.exists(dir.resolve("l.log.migrating"))).isFalse();
    try (PrivacyLedger ledger = PrivacyLedger.open(file)) {
      assertThat(ledger.spent("a")).isEqualTo(8.5);
      assertThat(ledger.entries()).extracting(LedgerEntry::requestId)
          .containsExactly("r1", "r2", "r3", "r4");
      assertThat(ledger.entries().get(0).epochMillis()).isEqualTo(1_700_000_000_000L);
    }
    assertThat(Files.readString(dir.resolve("l.log.v1.bak"))).isEqualTo(v1);
  }

  @Test
  void refusesToMigrateAFormat1LedgerDamagedBeforeItsLastLine() throws Exception {
    Path file = dir.resolve("l.log");
    String v1 = LedgerFormat.HEADER
        + LedgerFormat.encode(new LedgerEntry(1, 1_700_000_000_000L, "a", "r1", 7))
        + LedgerFormat.encode(new LedgerEntry(2, 1_700_000_000_001L, "a", "r2", 8));
    Files.writeString(file, v1.replaceFirst("\t7\\.0\t", "\t9.0\t"));
    assertThatThrownBy(() -> PrivacyLedger.open(file))
        .isInstanceOf(DxRewriteException.class)
        .hasMessageContaining("damaged at line 2");
    assertThat(Files.readString(file)).isEqualTo(v1.replaceFirst("\t7\\.0\t", "\t9.0\t"));
  }

  @Test
  void refusesAFileThatIsNotALedger() throws Exception {
    Path file = dir.resolve("other.txt");
    Files.write(file, "hello world\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> PrivacyLedger.open(file))
        .isInstanceOf(DxRewriteException.class)
        .hasMessageContaining("not a dx-rewrite ledger");
    assertThat(Files.readString(file)).isEqualTo("hello world\n");
  }

  @Test
  void refusesANonFiniteCharge() {
    try (PrivacyLedger ledger = PrivacyLedger.open(dir.resolve("l.log"))) {
      assertThatThrownBy(() -> ledger.charge("a", "r1", List.of(new RecordCharge(1e308, null),
              new RecordCharge(1e308, null)), false, Double.MAX_VALUE, OptionalDouble.empty()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(ledger.size()).isZero();
    }
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
