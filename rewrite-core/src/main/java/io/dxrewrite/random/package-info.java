/**
 * Randomness for mechanisms and DP-SGD: a ChaCha20 keystream generator (RFC 8439) keyed from
 * {@link java.security.SecureRandom} by default, seeded streams derived per purpose only when a caller
 * asks for reproducibility, and an adapter to Apache Commons Math's distributions.
 */
package io.dxrewrite.random;
