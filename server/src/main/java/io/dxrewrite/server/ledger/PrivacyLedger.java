package io.dxrewrite.server.ledger;

import io.dxrewrite.error.DxRewriteException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy-budget ledger: an append-only file of charges, one line each, with per-tenant totals
 * kept in memory. A charge is appended and {@code fsync}ed ({@link FileChannel#force}) before
 * {@link #charge} returns, so every acknowledged request is on disk; after a crash (kill -9) the
 * totals replayed by {@link #open} equal the sum of the acknowledged charges.
 *
 * <p>File format (see {@link LedgerFormat}): a header line {@code dx-rewrite-ledger 1}, then one
 * line per charge with a CRC32C. A torn last line (a crash in the middle of a write, which was
 * therefore never acknowledged) is cut off on open; a bad line anywhere else means the file was
 * damaged and {@link #open} refuses it.
 *
 * <p>Thread-safe: charges are serialized, the budget check and the append are one atomic step.
 */
public final class PrivacyLedger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyLedger.class);
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Path path;
  private final FileChannel channel;
  private final Map<String, Double> totals = new HashMap<>();
  private long sequence;
  private boolean closed;

  private PrivacyLedger(Path path, FileChannel channel, Map<String, Double> totals, long sequence) {
    this.path = path;
    this.channel = channel;
    this.totals.putAll(totals);
    this.sequence = sequence;
  }

  /**
   * Opens (or creates) a ledger and replays it.
   *
   * @param path the ledger file; its directory is created if missing
   * @return the ledger, positioned at its end
   * @throws DxRewriteException if the file is not a ledger, has another version, or is damaged
   *     before its last line; the message names the file and the line number
   */
  public static PrivacyLedger open(Path path) {
    Objects.requireNonNull(path, "path");
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileChannel channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        LedgerFormat.Replay replay = LedgerFormat.replay(path, channel);
        if (replay.validBytes() < channel.size()) {
          LOG.warn(
              "ledger {}: dropping a torn last line ({} bytes) left by a crash; it was never"
                  + " acknowledged",
              path, channel.size() - replay.validBytes());
          channel.truncate(replay.validBytes());
        }
        if (replay.validBytes() == 0) {
          channel.write(ByteBuffer.wrap(LedgerFormat.HEADER.getBytes(StandardCharsets.US_ASCII)), 0);
        }
        channel.force(true);
        channel.position(channel.size());
        return new PrivacyLedger(path, channel, replay.totals(), replay.lastSequence());
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new DxRewriteException("cannot open ledger " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param tenant a tenant id
   * @return {@code true} if the id is a valid tenant id ({@code [A-Za-z0-9._-]{1,64}})
   */
  public static boolean isValidTenant(String tenant) {
    return tenant != null && TENANT.matcher(tenant).matches();
  }

  /**
   * Charges a tenant, if its budget allows, and makes the charge durable before returning.
   *
   * @param tenant the tenant ({@link #isValidTenant})
   * @param requestId the request's id (no tabs or newlines)
   * @param epsilon epsilon to charge, finite and {@code >= 0}
   * @param budget the tenant's total epsilon budget
   * @return the entry written (with {@code epsilon == 0} nothing is written and sequence is 0)
   * @throws BudgetExceededException if {@code spent + epsilon > budget}; nothing is written
   * @throws DxRewriteException if the write or the fsync fails; the charge is then not counted
   */
  public synchronized LedgerEntry charge(
      String tenant, String requestId, double epsilon, double budget) {
    if (closed) {
      throw new DxRewriteException("ledger " + path + " is closed");
    }
    if (!isValidTenant(tenant)) {
      throw new IllegalArgumentException("invalid tenant id");
    }
    if (!Double.isFinite(epsilon) || epsilon < 0) {
      throw new IllegalArgumentException("charge must be finite and >= 0, got " + epsilon);
    }
    double spent = spent(tenant);
    if (spent + epsilon > budget) {
      throw new BudgetExceededException(tenant, Math.max(0, budget - spent), epsilon);
    }
    long now = System.currentTimeMillis();
    if (epsilon == 0) {
      return new LedgerEntry(0, now, tenant, requestId, 0);
    }
    LedgerEntry entry = new LedgerEntry(sequence + 1, now, tenant, requestId, epsilon);
    byte[] line = LedgerFormat.encode(entry).getBytes(StandardCharsets.UTF_8);
    long start;
    try {
      start = channel.size();
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      rollBack();
      throw new DxRewriteException("cannot write ledger " + path + ": " + e.getMessage(), e);
    }
    sequence++;
    totals.merge(tenant, epsilon, Double::sum);
    return entry;
  }

  /** After a failed write, cut the file back to its last complete line so it stays replayable. */
  private void rollBack() {
    try {
      LedgerFormat.Replay replay = LedgerFormat.replay(path, channel);
      channel.truncate(replay.validBytes());
      channel.position(replay.validBytes());
    } catch (IOException | RuntimeException e) {
      LOG.error("ledger {}: cannot roll back a failed write ({})", path, e.getClass().getName());
    }
  }

  /**
   * @param tenant a tenant id
   * @return epsilon charged to the tenant so far (0 for an unknown tenant)
   */
  public synchronized double spent(String tenant) {
    return totals.getOrDefault(tenant, 0.0);
  }

  /**
   * @return a copy of every tenant's total epsilon charged
   */
  public synchronized Map<String, Double> totals() {
    return Map.copyOf(totals);
  }

  /**
   * @return the number of charges in the ledger
   */
  public synchronized long size() {
    return sequence;
  }

  /**
   * @return the ledger file
   */
  public Path path() {
    return path;
  }

  /** Forces the file to disk and closes it; later charges fail. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.force(true);
      channel.close();
    } catch (IOException e) {
      throw new DxRewriteException("cannot close ledger " + path + ": " + e.getMessage(), e);
    }
  }
}
