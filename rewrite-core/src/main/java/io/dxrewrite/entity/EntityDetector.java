package io.dxrewrite.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs a fixed, ordered list of {@link Recognizer}s on a record's raw text and resolves overlaps.
 *
 * <p><b>Overlap rule</b> (deterministic): all candidate spans are ordered by length (longest
 * first), then by recognizer priority (position in the list; the built-in order is deny-list, e-mail,
 * URL, IBAN, card, SSN, IP address, date, phone, number, person), then by start (earliest first);
 * each is kept unless it overlaps one kept before. So {@code john@example.com} is one e-mail, not
 * a name plus a domain, a card number is one card and not a phone plus numbers, and a date that
 * also looks like a phone number is a date. Immutable and thread-safe.
 */
public final class EntityDetector {
  private static final Comparator<Candidate> ORDER =
      Comparator.comparingInt((Candidate c) -> -c.span.length())
          .thenComparingInt(c -> c.priority)
          .thenComparingInt(c -> c.span.start());
  private final List<Recognizer> recognizers;

  /**
   * @param recognizers the recognizers, highest priority first
   */
  public EntityDetector(List<Recognizer> recognizers) {
    this.recognizers = List.copyOf(recognizers);
  }

  /**
   * The built-in recognizers in their priority order, after the user's deny-list.
   *
   * @param gazetteer the name lists for {@link PersonNameRecognizer}
   * @param denyList user-supplied terms, highest priority; may be empty
   * @return the detector
   */
  public static EntityDetector standard(Gazetteer gazetteer, EntityList denyList) {
    List<Recognizer> list = new ArrayList<>();
    Map<EntityType, List<String>> byType =
        denyList.entries().stream()
            .collect(
                Collectors.groupingBy(
                    EntityList.Entry::type,
                    java.util.TreeMap::new,
                    Collectors.mapping(EntityList.Entry::term, Collectors.toList())));
    byType.forEach((type, terms) -> list.add(new ListRecognizer(type, terms)));
    list.add(new EmailRecognizer());
    list.add(new UrlRecognizer());
    list.add(new IbanRecognizer());
    list.add(new PaymentCardRecognizer());
    list.add(new SsnRecognizer());
    list.add(new IpAddressRecognizer());
    list.add(new DateRecognizer());
    list.add(new PhoneRecognizer());
    list.add(new NumberRecognizer());
    list.add(new PersonNameRecognizer(gazetteer));
    return new EntityDetector(list);
  }

  /**
   * @return the recognizers, highest priority first
   */
  public List<Recognizer> recognizers() {
    return recognizers;
  }

  /**
   * @param text raw text of one record
   * @return non-overlapping spans, sorted by start
   */
  public List<EntitySpan> detect(String text) {
    Objects.requireNonNull(text, "text");
    List<Candidate> candidates = new ArrayList<>();
    for (int p = 0; p < recognizers.size(); p++) {
      for (EntitySpan span : recognizers.get(p).find(text)) {
        candidates.add(new Candidate(span, p));
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    candidates.sort(ORDER);
    List<EntitySpan> kept = new ArrayList<>();
    java.util.BitSet covered = new java.util.BitSet(text.length());
    for (Candidate c : candidates) {
      int next = covered.nextSetBit(c.span.start());
      if (next < 0 || next >= c.span.end()) {
        kept.add(c.span);
        covered.set(c.span.start(), c.span.end());
      }
    }
    kept.sort(Comparator.comparingInt(EntitySpan::start));
    return kept;
  }

  private record Candidate(EntitySpan span, int priority) {}
}
