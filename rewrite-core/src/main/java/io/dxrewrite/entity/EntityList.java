package io.dxrewrite.entity;

import io.dxrewrite.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user-supplied deny-list: terms that are always treated as entities wherever they occur as
 * whole words, whatever their case or context (see {@link ListRecognizer}). Adds to the built-in
 * recognizers; never removes from them.
 *
 * <p>File format ({@code --entity-list FILE}): UTF-8, one entry per line; blank lines and lines
 * starting with {@code #} are ignored; an entry is {@code TERM} (a person's name) or {@code
 * TYPE<TAB>TERM} with TYPE one of {@link EntityType} ({@code PERSON}, {@code NUMBER}, ...), any
 * case. A term may have several words separated by single spaces.
 *
 * @param entries the terms and their kinds
 */
public record EntityList(List<Entry> entries) {
  /** The empty list. */
  public static final EntityList EMPTY = new EntityList(List.of());

  /**
   * One deny-listed term.
   *
   * @param term the words, matched case-insensitively ({@link Locale#ROOT})
   * @param type the kind written for it
   */
  public record Entry(String term, EntityType type) {
    /**
     * @throws IllegalArgumentException if the term is blank
     */
    public Entry {
      if (term == null || term.isBlank()) {
        throw new IllegalArgumentException("blank entity-list term");
      }
      term = term.strip().replaceAll("\\s+", " ");
      java.util.Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return "Entry[" + type + "]"; // the term may be personal data
    }
  }

  /** Copies the entries. */
  public EntityList {
    entries = List.copyOf(entries);
  }

  /**
   * Reads a deny-list file. Error messages name the file and line number, never a term (the list
   * itself may hold personal data).
   *
   * @param file the list
   * @return its entries
   * @throws InvalidInputException if the file cannot be read, is not UTF-8, or a line's TYPE is
   *     unknown
   */
  public static EntityList read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("entity list " + file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read entity list " + file + ": " + e.getMessage(), e);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      EntityType type = EntityType.PERSON;
      String term = line;
      if (tab >= 0) {
        String name = line.substring(0, tab).strip().toUpperCase(Locale.ROOT);
        try {
          type = EntityType.valueOf(name);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "entity list " + file + " line " + (i + 1) + ": unknown type; allowed: "
                  + java.util.Arrays.toString(EntityType.values()));
        }
        term = line.substring(tab + 1);
      }
      if (term.isBlank()) {
        throw new InvalidInputException("entity list " + file + " line " + (i + 1) + ": empty term");
      }
      entries.add(new Entry(term, type));
    }
    return new EntityList(entries);
  }

  /**
   * @return whether the list has no entries
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public String toString() {
    return "EntityList[" + entries.size() + " entries]"; // terms may be personal data
  }
}
