package io.dxrewrite.server.auth;

import io.dxrewrite.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps {@code Authorization: Bearer KEY} to a tenant. Keys are compared by their SHA-256 digests
 * with {@link MessageDigest#isEqual}, so lookups take the same time whatever the key. With no key
 * configured, auth is off and every request belongs to {@link ServerConfig#ANONYMOUS_TENANT}.
 */
public final class ApiKeyAuthenticator {
  private final Map<String, String> tenantByDigest = new HashMap<>();
  private final boolean enabled;

  /**
   * @param config the tenants and their keys
   */
  public ApiKeyAuthenticator(ServerConfig config) {
    config.tenants().forEach((tenant, t) -> t.apiKeys().forEach(
        key -> tenantByDigest.put(hex(digest(key)), tenant)));
    enabled = config.authEnabled();
  }

  /**
   * @return whether API keys are required
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * @param authorization the {@code Authorization} header, or null
   * @return the tenant, or empty if auth is on and the key is missing or unknown
   */
  public Optional<String> tenant(String authorization) {
    if (!enabled) {
      return Optional.of(ServerConfig.ANONYMOUS_TENANT);
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    byte[] digest = digest(authorization.substring(7).strip());
    String match = null;
    for (Map.Entry<String, String> e : tenantByDigest.entrySet()) {
      if (MessageDigest.isEqual(digest, unhex(e.getKey()))) {
        match = e.getValue();
      }
    }
    return Optional.ofNullable(match);
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static byte[] unhex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
