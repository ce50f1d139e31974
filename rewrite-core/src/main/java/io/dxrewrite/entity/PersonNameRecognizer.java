package io.dxrewrite.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names, from a public {@link Gazetteer} and context rules.
 *
 * <p>A <em>capitalised word</em> starts with an upper-case letter and has at least one lower-case
 * letter ({@code Smith}, {@code McDonald}; not {@code I}, {@code USA}); inner parts joined by a
 * hyphen or by an apostrophe before a capital are part of it ({@code Mary-Jane}, {@code O'Brien},
 * but {@code John's} is {@code John} + {@code 's}). A capitalised word is <em>listed</em> when its
 * lower-case form, or every hyphen-separated part of it, is a gazetteer first name or surname,
 * and it is not a month or weekday name. It is at a <em>sentence start</em> when nothing but white
 * space precedes it in the text, or the previous non-space character is one of {@code . ! ? : ;
 * " “ ” ( [ * •} or a line break. A <em>run</em> is a sequence of capitalised words separated by
 * single spaces. Within a run, a word is part of a name when:
 *
 * <ol>
 *   <li><b>title</b>: the run directly follows a title ({@code Mr Mrs Ms Miss Mx Dr Prof Sir Dame}
 *       with or without a full stop, then one space): the first up to three words of the run;
 *   <li><b>first name + capitalised word</b>: it is a listed first name and the next word of the
 *       run is capitalised (any word when not at a sentence start; a listed word at a sentence
 *       start, so "Will Verizon fix it" is no name): both words;
 *   <li><b>listed, not at a sentence start</b>: it is listed and not at a sentence start;
 *   <li><b>extension</b>: it is listed and next to a word already marked in the same run
 *       ("Anna Maria Schmidt" at a sentence start).
 * </ol>
 *
 * Consecutive marked words form one span. Rule 3 is what keeps common words that are also names
 * ("will", "may", "mark", "grace") out: in running text they are lower case or sentence-initial.
 * Not found: names in lower case or in capitals, and a sentence-initial surname alone ("Smith
 * called"). Measured in {@code docs/entities.md}.
 */
public final class PersonNameRecognizer implements Recognizer {
  private static final String PART = "\\p{Lu}[\\p{L}\\p{M}]*\\p{Ll}[\\p{L}\\p{M}]*|\\p{Lu}\\p{Ll}";
  private static final Pattern CAPITALISED =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}\\p{M}'’-])(?:\\p{Lu}['’](?=\\p{Lu}))?(?:" + PART + ")"
              + "(?:(?:-|['’](?=\\p{Lu}))(?:" + PART + "))*"
              + "(?![\\p{L}\\p{N}\\p{M}]|-\\p{L})");
  private static final Set<String> TITLES =
      Set.of("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday");
  private static final String SENTENCE_END = ".!?:;\"“”([*•\n\r";
  private final Gazetteer gazetteer;

  /**
   * @param gazetteer the name lists
   */
  public PersonNameRecognizer(Gazetteer gazetteer) {
    this.gazetteer = java.util.Objects.requireNonNull(gazetteer, "gazetteer");
  }

  @Override
  public EntityType type() {
    return EntityType.PERSON;
  }

  @Override
  public List<EntitySpan> find(String text) {
    List<EntitySpan> spans = new ArrayList<>();
    Matcher m = CAPITALISED.matcher(text);
    List<Word> run = new ArrayList<>();
    int titleEnd = -1; // where the last title (with its full stop and one space) ends
    boolean afterTitle = false;
    while (m.find()) {
      if (!run.isEmpty()) {
        Word prev = run.get(run.size() - 1);
        if (!(m.start() == prev.end + 1 && text.charAt(prev.end) == ' ')) {
          mark(run, afterTitle, spans);
          run.clear();
        }
      }
      if (run.isEmpty()) {
        afterTitle = m.start() == titleEnd;
      }
      if (TITLES.contains(m.group())) {
        mark(run, afterTitle, spans);
        run.clear();
        int end = m.end();
        if (end < text.length() && text.charAt(end) == '.') {
          end++;
        }
        titleEnd = end < text.length() && text.charAt(end) == ' ' ? end + 1 : -1;
        continue;
      }
      run.add(word(text, m.start(), m.end()));
    }
    mark(run, afterTitle, spans);
    return spans;
  }

  private Word word(String text, int start, int end) {
    String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
    boolean first = listedFirst(lower);
    boolean listed = !NOT_NAMES.contains(lower) && (first || listedAny(lower));
    return new Word(start, end, listed && first, listed, sentenceStart(text, start));
  }

  private boolean listedFirst(String lower) {
    if (gazetteer.isFirstName(lower)) {
      return true;
    }
    if (lower.indexOf('-') < 0) {
      return false;
    }
    for (String part : lower.split("-")) {
      if (!gazetteer.isFirstName(part)) {
        return false;
      }
    }
    return true;
  }

  private boolean listedAny(String lower) {
    if (gazetteer.isFirstName(lower) || gazetteer.isSurname(lower)) {
      return true;
    }
    String[] parts = lower.split("[-'’]");
    if (parts.length < 2) {
      return false;
    }
    for (String part : parts) {
      if (!(gazetteer.isFirstName(part) || gazetteer.isSurname(part)) && part.length() > 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean sentenceStart(String text, int start) {
    int i = start - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    return i < 0 || SENTENCE_END.indexOf(text.charAt(i)) >= 0;
  }

  private static void mark(List<Word> run, boolean afterTitle, List<EntitySpan> spans) {
    int n = run.size();
    if (n == 0) {
      return;
    }
    boolean[] name = new boolean[n];
    if (afterTitle) {
      for (int i = 0; i < Math.min(3, n); i++) {
        name[i] = true;
      }
    }
    for (int i = 0; i + 1 < n; i++) {
      Word w = run.get(i);
      if (w.first && (!w.sentenceStart || run.get(i + 1).listed)) {
        name[i] = true;
        name[i + 1] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      if (run.get(i).listed && !run.get(i).sentenceStart) {
        name[i] = true;
      }
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 0; i < n; i++) {
        if (!name[i]
            && run.get(i).listed
            && ((i > 0 && name[i - 1]) || (i + 1 < n && name[i + 1]))) {
          name[i] = true;
          changed = true;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!name[i]) {
        continue;
      }
      int j = i;
      while (j + 1 < n && name[j + 1]) {
        j++;
      }
      spans.add(new EntitySpan(run.get(i).start, run.get(j).end, EntityType.PERSON));
      i = j;
    }
  }

  private record Word(int start, int end, boolean first, boolean listed, boolean sentenceStart) {}
}
