package io.dxrewrite.embeddings;

import java.nio.charset.StandardCharsets;

/**
 * Layout of dx-rewrite's binary embedding store, format version {@value #VERSION}. All integers
 * and floats are little-endian.
 *
 * <pre>
 * offset  size  field
 *   0       8   magic "DXRWEMB\n"
 *   8       4   format version (int32)
 *  12       4   V, vocabulary size (int32)
 *  16       4   d, dimension (int32)
 *  20       4   reserved (0)
 *  24       8   metadata offset   (int64)  UTF-8 source description
 *  32       8   metadata length   (int64)
 *  40       8   vocabulary offset (int64)  int32[V+1] byte offsets, then the UTF-8 words
 *  48       8   vocabulary length (int64)
 *  56       8   hash table offset (int64)  int32[S] slots: id + 1, or 0 when empty (see Vocabulary)
 *  64       8   hash table slots S (int64), a power of two &gt;= 2V
 *  72       8   matrix offset     (int64)  float32[V*d], row-major, 64-byte aligned
 *  80       8   norms offset      (int64)  float32[V], squared L2 norms computed in float64
 *  88       8   file length       (int64)
 *  96       8   CRC32C of every byte of the file except bytes [96, 104)
 * 104      24   reserved (0)
 * </pre>
 */
final class StoreFormat {
  static final byte[] MAGIC = "DXRWEMB\n".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int HEADER_SIZE = 128;
  static final int CHECKSUM_OFFSET = 96;
  static final int ALIGNMENT = 64;

  private StoreFormat() {}

  static long align(long offset) {
    return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }
}
