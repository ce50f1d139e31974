package io.dxrewrite.server.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of one entry in the ledger store (format 2), keyed by its sequence number: {@code
 * epochMillis \t tenant \t requestId \t epsilon \t seeded(0|1) \t key:epsilon,key:epsilon...},
 * epsilons written with {@link Double#toString} (exact round trip). Tenant ids, request ids and
 * subject keys (hex) contain no tab or comma; a subject key contains no colon.
 */
final class EntryCodec {
  private EntryCodec() {}

  static String encode(LedgerEntry e) {
    StringBuilder s = new StringBuilder()
        .append(e.epochMillis()).append('\t').append(e.tenant()).append('\t')
        .append(e.requestId()).append('\t').append(e.epsilon()).append('\t')
        .append(e.seeded() ? '1' : '0').append('\t');
    for (int i = 0; i < e.subjects().size(); i++) {
      SubjectCharge c = e.subjects().get(i);
      s.append(i == 0 ? "" : ",").append(c.subjectKey()).append(':').append(c.epsilon());
    }
    return s.toString();
  }

  static LedgerEntry decode(long sequence, String value) {
    String[] f = value.split("\t", -1);
    if (f.length != 6) {
      throw new IllegalStateException("ledger entry " + sequence + " has " + f.length + " fields");
    }
    List<SubjectCharge> subjects = new ArrayList<>();
    if (!f[5].isEmpty()) {
      for (String pair : f[5].split(",")) {
        int colon = pair.indexOf(':');
        subjects.add(new SubjectCharge(pair.substring(0, colon),
            Double.parseDouble(pair.substring(colon + 1))));
      }
    }
    return new LedgerEntry(sequence, Long.parseLong(f[0]), f[1], f[2], Double.parseDouble(f[3]),
        f[4].equals("1"), subjects);
  }
}
