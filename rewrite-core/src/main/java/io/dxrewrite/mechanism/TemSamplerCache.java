package io.dxrewrite.mechanism;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded least-recently-used cache of TEM samplers ({@link TemNeighbourhoodSampler}, about
 * {@code 16 K + 4 d} bytes, 2.5 KB with K = 128 and d = 100) of vocabulary words, keyed by the
 * mechanism's parameters and the word id, shared by every TEM instance of one {@link
 * MechanismContext} (the library, the CLI and Spark executors), so that the frequent words of a
 * Zipf-distributed corpus are looked up once per process rather than once per batch. Bounded by
 * heap bytes (each sampler's {@code bytes()}).
 *
 * <p>The cache changes only cost, never output: a sampler is a pure function of (epsilon, beta,
 * output vocabulary, word), and seeded runs draw the same random numbers either way. It is not for
 * multi-tenant servers: a hit makes a request faster when another request used the same word, a
 * timing channel between tenants; the server disables reuse ({@link
 * MechanismContext#temReuse(boolean)}). Thread-safe.
 */
public final class TemSamplerCache {
  /** Default budget: 64 MiB of samplers, about 26,000 words at K = 128 and d = 100. */
  public static final long DEFAULT_BYTES = 64L << 20;

  /**
   * The parameters a sampler depends on besides the word. Equality compares the output vocabulary
   * by content; the hash is computed once.
   */
  static final class Key {
    private final double epsilon;
    private final double beta;
    private final java.util.BitSet outputs;
    private final int word;
    private final int hash;

    Key(double epsilon, double beta, java.util.BitSet outputs, int outputsHash, int word) {
      this.epsilon = epsilon;
      this.beta = beta;
      this.outputs = outputs;
      this.word = word;
      this.hash = Objects.hash(epsilon, beta, outputsHash, word);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.word == word
          && Double.compare(k.epsilon, epsilon) == 0
          && Double.compare(k.beta, beta) == 0
          && (k.outputs == outputs || Objects.equals(k.outputs, outputs));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final long maxBytes;
  private long bytes;
  private final LinkedHashMap<Key, TemDraw> map = new LinkedHashMap<>(256, 0.75f, true);
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /**
   * @param maxBytes budget in heap bytes, {@code >= 0}; 0 caches nothing
   * @throws IllegalArgumentException if negative
   */
  public TemSamplerCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("cache budget must be >= 0 bytes, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * @return the budget in bytes
   */
  public long maxBytes() {
    return maxBytes;
  }

  synchronized TemDraw get(Key key) {
    TemDraw s = map.get(key);
    if (s == null) {
      misses.incrementAndGet();
    } else {
      hits.incrementAndGet();
    }
    return s;
  }

  synchronized void put(Key key, TemDraw sampler) {
    long size = sampler.bytes();
    if (size > maxBytes) {
      return;
    }
    TemDraw old = map.put(key, sampler);
    if (old != null) {
      bytes -= old.bytes();
    }
    bytes += size;
    Iterator<Map.Entry<Key, TemDraw>> it = map.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, TemDraw> eldest = it.next();
      bytes -= eldest.getValue().bytes();
      it.remove();
    }
  }

  /**
   * @return lookups that found a sampler
   */
  public long hits() {
    return hits.get();
  }

  /**
   * @return lookups that did not (each followed by a scan)
   */
  public long misses() {
    return misses.get();
  }

  /**
   * @return samplers held now
   */
  public synchronized int size() {
    return map.size();
  }

  /**
   * @return heap bytes held now (by the samplers' {@code bytes()})
   */
  public synchronized long bytes() {
    return bytes;
  }
}
