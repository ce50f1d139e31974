package io.dxrewrite.embeddings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Immutable bijection between words and ids {@code 0..V-1}. Ids follow the source's order, which
 * for GloVe and word2vec is descending corpus frequency, so id 0 is the most frequent word.
 *
 * <p>The vocabulary lives in three flat buffers, the same layout as in the store file, so that a
 * memory-mapped store opens without building any heap structure: {@code int32[V+1]} byte offsets,
 * the concatenated UTF-8 words, and an open-addressing hash table of {@code int32} slots (a power
 * of two, at least 2V; a slot holds {@code id + 1}, 0 when empty; linear probing over a 64-bit
 * FNV-1a hash of the UTF-8 bytes). Lookups are exact (case-sensitive); lower-casing is the
 * tokenizer's job. Thread-safe.
 */
public final class Vocabulary {
  /** Returned by {@link #id(String)} for a word that is not in the vocabulary. */
  public static final int NOT_FOUND = -1;

  private final int size;
  private final IntBuffer offsets;
  private final ByteBuffer bytes;
  private final IntBuffer slots;
  private final int mask;

  Vocabulary(int size, IntBuffer offsets, ByteBuffer bytes, IntBuffer slots) {
    this.size = size;
    this.offsets = offsets;
    this.bytes = bytes;
    this.slots = slots;
    this.mask = slots.capacity() - 1;
  }

  /**
   * Builds an in-memory vocabulary.
   *
   * @param words the words in id order
   * @return the vocabulary
   * @throws IllegalArgumentException if a word is null, empty or repeated (the message gives ids,
   *     not words)
   */
  public static Vocabulary of(String[] words) {
    Encoded e = encode(words);
    return new Vocabulary(
        words.length,
        ByteBuffer.wrap(e.offsets).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer(),
        ByteBuffer.wrap(e.words),
        ByteBuffer.wrap(e.slots).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer());
  }

  /** The three buffers of a vocabulary, little-endian, as written to a store. */
  record Encoded(byte[] offsets, byte[] words, byte[] slots, int slotCount) {}

  static Encoded encode(String[] words) {
    int v = words.length;
    byte[][] utf8 = new byte[v][];
    int total = 0;
    for (int i = 0; i < v; i++) {
      if (words[i] == null || words[i].isEmpty()) {
        throw new IllegalArgumentException("vocabulary word at id " + i + " is null or empty");
      }
      utf8[i] = words[i].getBytes(StandardCharsets.UTF_8);
      total += utf8[i].length;
    }
    ByteBuffer offsets = ByteBuffer.allocate(4 * (v + 1)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] all = new byte[total];
    int at = 0;
    for (int i = 0; i < v; i++) {
      offsets.putInt(at);
      System.arraycopy(utf8[i], 0, all, at, utf8[i].length);
      at += utf8[i].length;
    }
    offsets.putInt(at);
    int slotCount = Integer.highestOneBit(Math.max(2, 2 * v - 1)) << 1;
    int[] table = new int[slotCount];
    int mask = slotCount - 1;
    int[] starts = new int[v + 1];
    offsets.rewind();
    for (int i = 0; i <= v; i++) {
      starts[i] = offsets.getInt();
    }
    for (int i = 0; i < v; i++) {
      int slot = (int) (hash(all, starts[i], starts[i + 1] - starts[i]) & mask);
      while (table[slot] != 0) {
        int other = table[slot] - 1;
        if (Arrays.equals(all, starts[i], starts[i + 1], all, starts[other], starts[other + 1])) {
          throw new IllegalArgumentException(
              "vocabulary word at id " + i + " repeats the word at id " + other);
        }
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
    }
    ByteBuffer slots = ByteBuffer.allocate(4 * slotCount).order(ByteOrder.LITTLE_ENDIAN);
    slots.asIntBuffer().put(table);
    return new Encoded(offsets.array(), all, slots.array(), slotCount);
  }

  /** 64-bit FNV-1a over {@code length} bytes, then the SplitMix64 finaliser. */
  static long hash(byte[] b, int from, int length) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < from + length; i++) {
      h ^= b[i] & 0xff;
      h *= 0x100000001b3L;
    }
    return finish(h);
  }

  private static long hash(ByteBuffer b, int from, int length) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < from + length; i++) {
      h ^= b.get(i) & 0xff;
      h *= 0x100000001b3L;
    }
    return finish(h);
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * @return V, the number of words
   */
  public int size() {
    return size;
  }

  /**
   * @param id a word id in {@code [0, V)}
   * @return the word with that id
   * @throws IndexOutOfBoundsException if id is outside {@code [0, V)}
   */
  public String word(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("word id " + id + " outside [0, " + size + ")");
    }
    int from = offsets.get(id);
    int to = offsets.get(id + 1);
    byte[] out = new byte[to - from];
    bytes.get(from, out);
    return new String(out, StandardCharsets.UTF_8);
  }

  /**
   * @param word a word, matched exactly
   * @return its id, or {@link #NOT_FOUND}
   */
  public int id(String word) {
    byte[] key = word.getBytes(StandardCharsets.UTF_8);
    int slot = (int) (hash(key, 0, key.length) & mask);
    while (true) {
      int entry = slots.get(slot);
      if (entry == 0) {
        return NOT_FOUND;
      }
      int id = entry - 1;
      int from = offsets.get(id);
      int to = offsets.get(id + 1);
      if (to - from == key.length && equalsAt(from, key)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean equalsAt(int from, byte[] key) {
    for (int i = 0; i < key.length; i++) {
      if (bytes.get(from + i) != key[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param word a word, matched exactly
   * @return whether the vocabulary contains it
   */
  public boolean contains(String word) {
    return id(word) != NOT_FOUND;
  }

  /**
   * @return the words in id order, an unmodifiable view decoded on access
   */
  public List<String> words() {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return word(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * Checks the structure after a store is mapped: offsets non-decreasing within the word bytes,
   * and every slot empty or naming an id in range.
   *
   * @return null when consistent, else a description of the first problem found
   */
  String validate() {
    int previous = 0;
    int limit = bytes.capacity();
    for (int i = 0; i <= size; i++) {
      int o = offsets.get(i);
      if (o < previous || o > limit || (i > 0 && o == previous)) {
        return "vocabulary offsets are corrupted at id " + i;
      }
      previous = o;
    }
    if (Integer.bitCount(slots.capacity()) != 1 || slots.capacity() < 2 * size) {
      return "vocabulary hash table has " + slots.capacity() + " slots for " + size + " words";
    }
    return null;
  }
}
