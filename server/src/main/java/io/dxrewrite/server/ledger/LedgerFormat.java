package io.dxrewrite.server.ledger;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The ledger's former line format, version 1, read only to migrate it ({@link LedgerMigration}).
 * Header {@code dx-rewrite-ledger 1\n}; then per charge
 * {@code seq \t epochMillis \t tenant \t requestId \t epsilon \t crc\n}, where epsilon is written
 * with {@link Double#toString} (exact round trip) and crc is the CRC32C (hex) of everything before
 * the last tab.
 */
final class LedgerFormat {
  static final String HEADER = "dx-rewrite-ledger 1\n";

  private LedgerFormat() {}

  /** Result of replaying a ledger file. */
  record Replay(Map<String, Double> totals, List<LedgerEntry> entries, long lastSequence,
      long validBytes) {}

  static String encode(LedgerEntry e) {
    String body =
        e.sequence() + "\t" + e.epochMillis() + "\t" + e.tenant() + "\t" + e.requestId() + "\t"
            + Double.toString(e.epsilon());
    return body + "\t" + crc(body) + "\n";
  }

  private static String crc(String body) {
    CRC32C crc = new CRC32C();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  /**
   * Reads every complete, valid line. A last line without its newline or with a bad checksum is
   * a torn write and ends the valid part; a bad line followed by more data is damage.
   */
  static Replay replay(Path path, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE) {
      throw new DxRewriteException(ErrorKind.INPUT, "ledger " + path + " is larger than 2 GiB; rotate it");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
      // read fully
    }
    byte[] bytes = buffer.array();
    Map<String, Double> totals = new HashMap<>();
    List<LedgerEntry> entries = new ArrayList<>();
    if (size == 0) {
      return new Replay(totals, entries, 0, 0);
    }
    byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
    if (size < header.length) {
      if (startsWith(header, bytes, (int) size)) {
        return new Replay(totals, entries, 0, 0);
      }
      throw notLedger(path);
    }
    if (!startsWith(bytes, header, header.length)) {
      throw notLedger(path);
    }
    long sequence = 0;
    int lineNumber = 1;
    int start = header.length;
    while (start < bytes.length) {
      lineNumber++;
      int end = indexOf(bytes, (byte) '\n', start);
      LedgerEntry entry = end < 0 ? null : decode(new String(bytes, start, end - start,
          StandardCharsets.UTF_8), sequence);
      if (entry == null) {
        boolean last = end < 0 || end == bytes.length - 1;
        if (last) {
          return new Replay(totals, entries, sequence, start);
        }
        throw new DxRewriteException(ErrorKind.INPUT,
            "ledger " + path + " is damaged at line " + lineNumber
                + " (bad checksum or format); refusing to start. Restore it from a backup.");
      }
      sequence = entry.sequence();
      totals.merge(entry.tenant(), entry.epsilon(), Double::sum);
      entries.add(entry);
      start = end + 1;
    }
    return new Replay(totals, entries, sequence, start);
  }

  private static DxRewriteException notLedger(Path path) {
    return new DxRewriteException(ErrorKind.INPUT,
        "file " + path + " is not a dx-rewrite ledger of version 1 (header '"
            + HEADER.strip() + "' expected)");
  }

  private static LedgerEntry decode(String line, long previous) {
    int lastTab = line.lastIndexOf('\t');
    if (lastTab < 0 || !crc(line.substring(0, lastTab)).equals(line.substring(lastTab + 1))) {
      return null;
    }
    String[] f = line.substring(0, lastTab).split("\t", -1);
    if (f.length != 5) {
      return null;
    }
    try {
      long seq = Long.parseLong(f[0]);
      double epsilon = Double.parseDouble(f[4]);
      if (seq != previous + 1 || !Double.isFinite(epsilon) || epsilon < 0) {
        return null;
      }
      return new LedgerEntry(seq, Long.parseLong(f[1]), f[2], f[3], epsilon);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
