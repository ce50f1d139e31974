package io.dxrewrite.server.auth;

import io.dxrewrite.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operator's bearer key ({@code operator_key}): it opens {@code /metrics} (which lists tenant
 * names and their spending) and {@code GET /v1/budget?subject=}. Compared by SHA-256 digest with
 * {@link MessageDigest#isEqual}, so the comparison takes the same time whatever the key.
 *
 * <p>Default without a key: {@code /metrics} is served to anyone only when the server binds a
 * loopback host (only local users can reach it) and refused with 403 otherwise; subject budgets
 * cannot be read.
 */
public final class OperatorKey {
  /** Who may read {@code /metrics}. */
  public enum Access {
    /** Served. */
    ALLOWED,
    /** A key is configured and the request did not carry it: 401. */
    UNAUTHORIZED,
    /** No key is configured and the host is not loopback: 403. */
    DISABLED
  }

  private final Optional<byte[]> digest;
  private final boolean metricsOpen;

  /**
   * @param config the {@code operator_key} setting and the host
   */
  public OperatorKey(ServerConfig config) {
    this.digest = config.operatorKey().map(k -> digest(k.value()));
    this.metricsOpen = config.metricsOpen();
  }

  /**
   * @return whether an operator key is configured
   */
  public boolean configured() {
    return digest.isPresent();
  }

  /**
   * @param authorization the {@code Authorization} header, or null
   * @return whether it is {@code Bearer <operator key>}
   */
  public boolean matches(String authorization) {
    if (digest.isEmpty() || authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest.get(), digest(authorization.substring(7).strip()));
  }

  /**
   * @param authorization the {@code Authorization} header, or null
   * @return whether {@code /metrics} is served to this request
   */
  public Access metrics(String authorization) {
    if (digest.isEmpty()) {
      return metricsOpen ? Access.ALLOWED : Access.DISABLED;
    }
    return matches(authorization) ? Access.ALLOWED : Access.UNAUTHORIZED;
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
