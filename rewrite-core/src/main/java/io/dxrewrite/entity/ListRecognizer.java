package io.dxrewrite.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deny-list of one kind ({@link EntityList}): each term is found wherever it occurs as whole
 * words, in any case ({@link Locale#ROOT} lower-casing), with no context rule. Words are maximal
 * runs of letters, digits and combining marks, as in the tokenizer; where two terms start at the
 * same word, the longer wins.
 */
public final class ListRecognizer implements Recognizer {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
  private final EntityType type;
  /** First word of a term (lower case) to the terms starting with it, longest first. */
  private final Map<String, List<String>> byFirstWord = new HashMap<>();

  /**
   * @param type the kind reported for every term
   * @param terms the terms; each is stripped and its inner white space collapsed to one space
   */
  public ListRecognizer(EntityType type, Collection<String> terms) {
    this.type = type;
    for (String term : terms) {
      String t = term.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      Matcher m = WORD.matcher(t);
      if (!m.find()) {
        continue;
      }
      byFirstWord.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(t);
    }
    for (List<String> list : byFirstWord.values()) {
      list.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    }
  }

  @Override
  public EntityType type() {
    return type;
  }

  @Override
  public List<EntitySpan> find(String text) {
    List<EntitySpan> spans = new ArrayList<>();
    if (byFirstWord.isEmpty()) {
      return spans;
    }
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      List<String> terms = byFirstWord.get(m.group().toLowerCase(Locale.ROOT));
      if (terms == null) {
        continue;
      }
      for (String term : terms) {
        int end = m.start() + term.length();
        if (end <= text.length()
            && text.regionMatches(true, m.start(), term, 0, term.length())
            && (end == text.length() || !isWordChar(text.codePointAt(end)))
            && (m.start() == 0 || !isWordChar(text.codePointBefore(m.start())))) {
          spans.add(new EntitySpan(m.start(), end, type));
          break;
        }
      }
    }
    return spans;
  }

  private static boolean isWordChar(int cp) {
    return io.dxrewrite.text.Tokenizer.isWordCodePoint(cp);
  }
}
