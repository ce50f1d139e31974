package io.dxrewrite.server.ledger;

import io.dxrewrite.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a raw data-subject key into the only form the ledger stores: HMAC-SHA256 (RFC 2104, FIPS
 * 198-1) under the server's {@code subject_secret}, over {@code tenant || 0x00 || subject} in
 * UTF-8, so the same person under two tenants gets two unrelated keys. Without the secret a stolen
 * ledger does not reveal which subjects it holds, not even by hashing guessed names.
 *
 * <p>The secret never appears in {@link #toString()}, a log line or an exception message.
 * Thread-safe.
 */
public final class SubjectKeys {
  /** Fewest characters a {@code subject_secret} may have (about 128 bits as random base64). */
  public static final int MIN_SECRET_CHARS = 32;

  /** Longest raw subject key, in UTF-16 units. */
  public static final int MAX_SUBJECT_CHARS = 256;

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] CHECK_LABEL =
      "dx-rewrite subject secret check".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec secret;
  private final ThreadLocal<Mac> macs;

  /**
   * @param secret the server's subject secret, at least {@link #MIN_SECRET_CHARS} characters
   * @throws InvalidParameterException if it is shorter (the message states the length required,
   *     never the secret)
   */
  public SubjectKeys(String secret) {
    if (secret == null || secret.strip().length() < MIN_SECRET_CHARS) {
      throw new InvalidParameterException(
          "subject_secret must have at least " + MIN_SECRET_CHARS + " characters");
    }
    this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
    }
  }

  /**
   * @param tenant the tenant id
   * @param subject the raw subject key, 1 to {@link #MAX_SUBJECT_CHARS} characters
   * @return its keyed hash, 64 lower-case hex digits
   */
  public String key(String tenant, String subject) {
    Mac mac = macs.get();
    mac.update(tenant.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A value that identifies the secret without revealing it (the HMAC of a fixed label). The
   * ledger stores it so that a server restarted with another secret, which would silently start
   * every subject at zero, is refused instead.
   *
   * @return 64 lower-case hex digits
   */
  public String fingerprint() {
    return HexFormat.of().formatHex(macs.get().doFinal(CHECK_LABEL));
  }

  /**
   * @param subject a raw subject key from a request
   * @return whether it is 1 to {@link #MAX_SUBJECT_CHARS} characters long
   */
  public static boolean isValidSubject(String subject) {
    return subject != null && !subject.isEmpty() && subject.length() <= MAX_SUBJECT_CHARS;
  }

  @Override
  public String toString() {
    return "SubjectKeys[HMAC-SHA256, secret not shown]";
  }
}
