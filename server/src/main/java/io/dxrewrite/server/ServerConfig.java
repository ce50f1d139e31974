package io.dxrewrite.server;

import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.nn.IndexKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.server.ledger.PrivacyLedger;
import io.dxrewrite.server.ledger.SubjectKeys;
import io.dxrewrite.server.rewrite.TargetNwCalibrations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the HTTP server. Each setting comes, in increasing precedence, from its default,
 * the JSON config file, an environment variable {@code DX_REWRITE_<NAME>} (e.g. {@code
 * DX_REWRITE_PORT}) and the command line. Tenants and their API keys come from the config file
 * only.
 *
 * @param host interface to bind; default {@value #DEFAULT_HOST} (loopback)
 * @param port TCP port; 0 picks a free one; default {@value #DEFAULT_PORT}
 * @param bodyLimitBytes largest request body of the JSON endpoints (413 above); default 1 MiB
 * @param maxTexts most texts per request (413 above); default 1,000
 * @param maxTextChars most characters (UTF-16 units) per text (413 above); default 100,000
 * @param deadline per-request deadline (503 with Retry-After when passed); default 30 s
 * @param ledger the privacy-budget ledger file; default {@code dx-rewrite-ledger.log}
 * @param embeddings an embedding store file, or empty for the embedded GloVe subset
 * @param index exact nearest-neighbour kernel: {@code auto} (default), {@code simd}, {@code nd4j}
 *     or {@code gpu} (CUDA; needs an NVIDIA GPU and driver, see gpu/RESULTS.md)
 * @param workers rewrite worker threads; default the number of cores
 * @param defaultBudget epsilon budget of a tenant without its own (and of the anonymous tenant
 *     when auth is off); default 1,000,000
 * @param tenants tenant id to its budget and API keys; API auth is on iff any key is configured
 * @param calibration Monte Carlo settings of {@code target_nw} calibrations: {@code
 *     calibration_words}, {@code calibration_trials} and {@code calibration_seed}, defaults {@link
 *     TargetNwCalibrations.Settings#DEFAULTS} (4000 words, 1 trial, seed 1), as the CLI's {@code
 *     calibrate --words --trials --sample-seed}
 * @param allowUnauthenticatedRemote {@code allow_unauthenticated_remote}: serve with auth off on a
 *     host that is not a loopback address; default false, which refuses that combination
 * @param outputVocabulary {@code output_vocabulary}: which words a replacement may be, {@code
 *     letters} (default), {@code all} or a word-list file ({@link OutputVocabulary})
 * @param allowSeed {@code allow_seed}: accept a caller-chosen {@code seed} (reproducible output for
 *     tests and audits, whose noise is known to whoever knows the seed); default false, which
 *     answers 403 {@code option_disabled}
 * @param allowOovKeep {@code allow_oov_keep}: accept {@code oov: keep}, which copies words out of
 *     the vocabulary through unprotected; default false, which answers 403 {@code option_disabled}
 * @param operatorKey {@code operator_key}: bearer key of the operator, for {@code /metrics} and
 *     {@code GET /v1/budget?subject=}; empty for none (then {@code /metrics} is served without a
 *     key only on a loopback host, and subject budgets cannot be queried)
 * @param subjectKeys from {@code subject_secret}: the keyed hash of data-subject keys; empty turns
 *     subject accounting off (a request naming a subject is then refused)
 * @param tls from {@code tls_cert} and {@code tls_key}: serve HTTPS with this PEM certificate
 *     chain and private key; empty (default) serves plain HTTP, which suits loopback or a
 *     TLS-terminating proxy in front
 * @param playground {@code playground}: serve the browser playground at {@code /} and {@code
 *     /playground}; default true on a loopback host ({@link #isLoopback}), false on any other
 */
public record ServerConfig(
    String host,
    int port,
    long bodyLimitBytes,
    int maxTexts,
    int maxTextChars,
    Duration deadline,
    Path ledger,
    Optional<Path> embeddings,
    IndexKind index,
    int workers,
    double defaultBudget,
    Map<String, Tenant> tenants,
    TargetNwCalibrations.Settings calibration,
    boolean allowUnauthenticatedRemote,
    OutputVocabulary outputVocabulary,
    boolean allowSeed,
    boolean allowOovKeep,
    Optional<Secret> operatorKey,
    Optional<SubjectKeys> subjectKeys,
    Optional<Tls> tls,
    boolean playground) {

  /** Environment variable prefix of every setting. */
  public static final String ENV_PREFIX = "DX_REWRITE_";

  /** Names of the settings (lower case; upper case after {@link #ENV_PREFIX} in the environment). */
  public static final java.util.List<String> SETTINGS =
      java.util.List.of(
          "host", "port", "body_limit_bytes", "max_texts", "max_text_chars", "deadline_ms",
          "ledger", "embeddings", "index", "workers", "default_budget", "calibration_words",
          "calibration_trials", "calibration_seed", "allow_unauthenticated_remote",
          "output_vocabulary", "allow_seed", "allow_oov_keep", "operator_key", "subject_secret",
          "tls_cert", "tls_key", "playground");

  /** Default of {@code host}: the IPv4 loopback address, so a server started bare serves only this machine. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default of {@code port}, a TCP port. */
  public static final int DEFAULT_PORT = 8080;

  /** Smallest {@code body_limit_bytes} accepted, in bytes. */
  public static final long MIN_BODY_LIMIT_BYTES = 1024;

  /** Shortest API key or {@code operator_key} accepted, in characters. */
  public static final int MIN_KEY_CHARS = 16;

  /** Default of {@code body_limit_bytes}: 1 MiB, in bytes. */
  public static final long DEFAULT_BODY_LIMIT_BYTES = 1L << 20;

  /** Default of {@code max_texts}: texts per request. */
  public static final int DEFAULT_MAX_TEXTS = 1000;

  /** Default of {@code max_text_chars}: UTF-16 units per text. */
  public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;

  /** Default of {@code deadline_ms}: the per-request deadline, in milliseconds. */
  public static final long DEFAULT_DEADLINE_MS = 30_000;

  /** Default of {@code ledger}: the ledger file, relative to the working directory. */
  public static final String DEFAULT_LEDGER = "dx-rewrite-ledger.log";

  /** Default of {@code index}: the best exact kernel this machine runs ({@link IndexKind}). */
  public static final String DEFAULT_INDEX = "auto";

  /** Default of {@code default_budget}: epsilon (a sum of per-word epsilons) per tenant. */
  public static final double DEFAULT_BUDGET = 1_000_000;

  /** The tenant used when auth is off. */
  public static final String ANONYMOUS_TENANT = "anonymous";

  private static final java.util.regex.Pattern IPV4_LITERAL =
      java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * One tenant.
   *
   * @param budget total epsilon budget, {@code > 0}: the tenant's operational quota
   * @param apiKeys its API keys ({@code Authorization: Bearer KEY})
   * @param subjectBudget per-data-subject epsilon budget ({@code subject_budget}), finite and
   *     {@code > 0}, or empty for none; with one, every record of the tenant must name its subject
   */
  public record Tenant(double budget, java.util.List<String> apiKeys,
      java.util.OptionalDouble subjectBudget) {
    /**
     * A tenant without a per-subject budget.
     *
     * @param budget total epsilon budget
     * @param apiKeys its API keys
     */
    public Tenant(double budget, java.util.List<String> apiKeys) {
      this(budget, apiKeys, java.util.OptionalDouble.empty());
    }
  }

  /**
   * The server's TLS material, both PEM files (Vert.x {@code PemKeyCertOptions}): with it the
   * server speaks HTTPS only.
   *
   * @param cert {@code tls_cert}: the certificate chain, PEM ({@code -----BEGIN CERTIFICATE-----}),
   *     server certificate first
   * @param key {@code tls_key}: its private key, PEM (PKCS#8 {@code -----BEGIN PRIVATE KEY-----} or
   *     PKCS#1 {@code -----BEGIN RSA PRIVATE KEY-----}), unencrypted
   */
  public record Tls(Path cert, Path key) {
    /**
     * @throws InvalidParameterException if either file is not a readable regular file
     */
    public Tls {
      check(Files.isRegularFile(cert) && Files.isReadable(cert),
          "tls_cert " + cert + " is not a readable file");
      check(Files.isRegularFile(key) && Files.isReadable(key),
          "tls_key " + key + " is not a readable file");
    }
  }

  /**
   * A secret setting whose value never appears in {@link #toString()} (and so in no log line or
   * exception message built from the config).
   *
   * @param value the secret
   */
  public record Secret(String value) {
    @Override
    public String toString() {
      return "Secret[not shown]";
    }
  }

  /**
   * @throws InvalidParameterException if a setting is out of range, or if auth is off (no API key
   *     configured), {@code host} is not a loopback address (see {@link #isLoopback}) and {@code
   *     allowUnauthenticatedRemote} is false
   */
  public ServerConfig {
    check(!host.isBlank(), "host must not be empty");
    check(host.equals(host.strip()), "host must not start or end with whitespace");
    check(port >= 0 && port <= 65535, "port must be in [0, 65535], got " + port);
    check(bodyLimitBytes >= MIN_BODY_LIMIT_BYTES,
        "body_limit_bytes must be >= " + MIN_BODY_LIMIT_BYTES + ", got " + bodyLimitBytes);
    check(maxTexts >= 1, "max_texts must be >= 1, got " + maxTexts);
    check(maxTextChars >= 1, "max_text_chars must be >= 1, got " + maxTextChars);
    check(!deadline.isNegative() && !deadline.isZero(), "deadline_ms must be > 0");
    check(workers >= 1, "workers must be >= 1, got " + workers);
    check(Double.isFinite(defaultBudget) && defaultBudget > 0,
        "default_budget must be a finite number > 0, got " + defaultBudget);
    for (Map.Entry<String, Tenant> t : tenants.entrySet()) {
      check(PrivacyLedger.isValidTenant(t.getKey()),
          "tenant ids must match [A-Za-z0-9._-]{1,64}");
      check(Double.isFinite(t.getValue().budget()) && t.getValue().budget() > 0,
          "budget of tenant '" + t.getKey() + "' must be a finite number > 0");
    }
    tenants = Map.copyOf(tenants);
    check(calibration.words() >= 1, "calibration_words must be >= 1, got " + calibration.words());
    check(calibration.trials() >= 1,
        "calibration_trials must be >= 1, got " + calibration.trials());
    for (Map.Entry<String, Tenant> t : tenants.entrySet()) {
      java.util.OptionalDouble sb = t.getValue().subjectBudget();
      check(sb.isEmpty() || (Double.isFinite(sb.getAsDouble()) && sb.getAsDouble() > 0),
          "subject_budget of tenant '" + t.getKey() + "' must be a finite number > 0");
      check(sb.isEmpty() || subjectKeys.isPresent(),
          "tenant '" + t.getKey() + "' has a subject_budget but no subject_secret is configured:"
              + " set subject_secret (at least " + SubjectKeys.MIN_SECRET_CHARS + " characters;"
              + " environment DX_REWRITE_SUBJECT_SECRET) so that subject keys are stored only as"
              + " keyed hashes");
    }
    check(operatorKey.isEmpty() || operatorKey.get().value().strip().length() >= MIN_KEY_CHARS,
        "operator_key must have at least " + MIN_KEY_CHARS + " characters");
    check(operatorKey.isEmpty() || tenants.values().stream()
            .noneMatch(t -> t.apiKeys().contains(operatorKey.get().value().strip())),
        "operator_key must differ from every tenant's API key");
    check(hasApiKeys(tenants) || isLoopback(host) || allowUnauthenticatedRemote,
        "host " + host + " is not a loopback address and no API key is configured (auth is off):"
            + " configure tenants with api_keys in the config file, bind 127.0.0.1, ::1 or"
            + " localhost, or set allow_unauthenticated_remote=true (environment"
            + " DX_REWRITE_ALLOW_UNAUTHENTICATED_REMOTE, serve --allow-unauthenticated-remote) to"
            + " serve without authentication anyway");
  }

  /**
   * @return the defaults (loopback, port {@value #DEFAULT_PORT}, auth off, plain HTTP)
   */
  public static ServerConfig defaults() {
    return load(null, Map.of(), Map.of());
  }

  /**
   * @return {@code true} if any API key is configured, so requests without a valid key get 401
   */
  public boolean authEnabled() {
    return hasApiKeys(tenants);
  }

  /**
   * @return {@code true} if auth is off and the server binds a host that is not a loopback
   *     address, which {@link #allowUnauthenticatedRemote} must have allowed
   */
  public boolean unauthenticatedRemote() {
    return !authEnabled() && !isLoopback(host);
  }

  /**
   * Whether a host setting names a loopback interface, decided from its text alone (no DNS
   * lookup): {@code localhost}, an IPv4 literal in 127.0.0.0/8, or the IPv6 loopback {@code ::1}
   * in any spelling (also in brackets, or IPv4-mapped {@code ::ffff:127.x.y.z}). Any other name is
   * treated as not loopback, since it may resolve to any interface.
   *
   * @param host a {@code host} setting
   * @return {@code true} if binding it serves only this machine
   */
  public static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (IPV4_LITERAL.matcher(h).matches()) {
      String[] octets = h.split("\\.");
      for (String octet : octets) {
        if (Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return octets[0].equals("127");
    }
    if (!h.contains(":")) {
      return false;
    }
    try {
      // In brackets, InetAddress parses an IPv6 literal or fails; it never queries DNS.
      return InetAddress.getByName("[" + h + "]").isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean hasApiKeys(Map<String, Tenant> tenants) {
    return tenants.values().stream().anyMatch(t -> !t.apiKeys().isEmpty());
  }

  /**
   * @param tenant a tenant id
   * @return its per-subject epsilon budget, or empty for none
   */
  public java.util.OptionalDouble subjectBudgetOf(String tenant) {
    Tenant t = tenants.get(tenant);
    return t == null ? java.util.OptionalDouble.empty() : t.subjectBudget();
  }

  /**
   * @return {@code true} if {@code /metrics} may be served without the operator key: no key is
   *     configured and the server binds a loopback host
   */
  public boolean metricsOpen() {
    return operatorKey.isEmpty() && isLoopback(host);
  }

  /**
   * @param tenant a tenant id
   * @return its epsilon budget
   */
  public double budgetOf(String tenant) {
    Tenant t = tenants.get(tenant);
    return t == null ? defaultBudget : t.budget();
  }

  /**
   * Builds the configuration from its sources.
   *
   * @param file a JSON config file, or null
   * @param env environment variables (only {@code DX_REWRITE_*} are read)
   * @param overrides command-line settings by name ({@code port}, {@code host}, ...), highest
   *     precedence
   * @return the configuration
   * @throws InvalidParameterException if the file cannot be read or a value is invalid
   */
  public static ServerConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>();
    Map<String, Tenant> tenants = new LinkedHashMap<>();
    if (file != null) {
      JsonNode root = readFile(file);
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("tenants")) {
          tenants.putAll(parseTenants(e.getValue(), file));
        } else {
          settings.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    for (String name : SETTINGS) {
      String value = env.get(ENV_PREFIX + name.toUpperCase(Locale.ROOT));
      if (value != null) {
        settings.put(name, value);
      }
    }
    settings.putAll(overrides);
    Settings s = new Settings(settings);
    String host = s.string("host", DEFAULT_HOST);
    ServerConfig config =
        new ServerConfig(
            host,
            s.integer("port", DEFAULT_PORT),
            s.longValue("body_limit_bytes", DEFAULT_BODY_LIMIT_BYTES),
            s.integer("max_texts", DEFAULT_MAX_TEXTS),
            s.integer("max_text_chars", DEFAULT_MAX_TEXT_CHARS),
            Duration.ofMillis(s.longValue("deadline_ms", DEFAULT_DEADLINE_MS)),
            Path.of(s.string("ledger", DEFAULT_LEDGER)),
            Optional.ofNullable(settings.get("embeddings")).filter(v -> !v.isBlank()).map(Path::of),
            IndexKind.fromCliName(s.string("index", DEFAULT_INDEX)),
            s.integer("workers", Runtime.getRuntime().availableProcessors()),
            s.doubleValue("default_budget", DEFAULT_BUDGET),
            tenants,
            new TargetNwCalibrations.Settings(
                s.integer("calibration_words", TargetNwCalibrations.Settings.DEFAULTS.words()),
                s.integer("calibration_trials", TargetNwCalibrations.Settings.DEFAULTS.trials()),
                s.longValue("calibration_seed", TargetNwCalibrations.Settings.DEFAULTS.seed())),
            s.bool("allow_unauthenticated_remote", false),
            OutputVocabulary.parse(s.string("output_vocabulary", OutputVocabulary.DEFAULT_NAME)),
            s.bool("allow_seed", false),
            s.bool("allow_oov_keep", false),
            Optional.ofNullable(s.string("operator_key", null)).filter(v -> !v.isBlank())
                .map(v -> new Secret(v.strip())),
            Optional.ofNullable(s.string("subject_secret", null)).filter(v -> !v.isBlank())
                .map(SubjectKeys::new),
            tls(s.string("tls_cert", null), s.string("tls_key", null)),
            s.bool("playground", isLoopback(host)));
    s.checkAllKnown();
    return config;
  }

  private static Optional<Tls> tls(String cert, String key) {
    boolean hasCert = cert != null && !cert.isBlank();
    boolean hasKey = key != null && !key.isBlank();
    check(hasCert == hasKey,
        "tls_cert and tls_key must be set together (a PEM certificate chain and its private key;"
            + " environment DX_REWRITE_TLS_CERT and DX_REWRITE_TLS_KEY, serve --tls-cert and"
            + " --tls-key), got only " + (hasCert ? "tls_cert" : "tls_key"));
    return hasCert ? Optional.of(new Tls(Path.of(cert.strip()), Path.of(key.strip())))
        : Optional.empty();
  }

  private static JsonNode readFile(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(file));
      check(root != null && root.isObject(), "config file " + file + " must hold a JSON object");
      return root;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // the parser's own message quotes the file's text, which may hold API keys: give the place
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw new InvalidParameterException(
          "config file " + file + " is not valid JSON"
              + (at == null || at.getLineNr() < 1 ? ""
                  : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + " (" + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      throw new InvalidParameterException(
          "cannot read config file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Map<String, Tenant> parseTenants(JsonNode node, Path file) {
    check(node.isObject(), "'tenants' in " + file + " must be an object of tenant id -> settings");
    Map<String, Tenant> tenants = new LinkedHashMap<>();
    Map<String, String> keyOwners = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode budget = e.getValue().path("budget");
      check(budget.isNumber(), "tenant '" + e.getKey() + "' needs a numeric 'budget'");
      JsonNode subjectBudget = e.getValue().path("subject_budget");
      check(subjectBudget.isMissingNode() || subjectBudget.isNumber(),
          "'subject_budget' of tenant '" + e.getKey() + "' must be a number");
      java.util.List<String> keys = new java.util.ArrayList<>();
      for (JsonNode key : e.getValue().path("api_keys")) {
        check(key.isTextual() && key.asText().length() >= MIN_KEY_CHARS,
            "API keys of tenant '" + e.getKey() + "' must be strings of >= " + MIN_KEY_CHARS
                + " characters");
        check(keyOwners.put(key.asText(), e.getKey()) == null,
            "an API key is configured for two tenants");
        keys.add(key.asText());
      }
      tenants.put(e.getKey(), new Tenant(budget.asDouble(), java.util.List.copyOf(keys),
          subjectBudget.isNumber() ? java.util.OptionalDouble.of(subjectBudget.asDouble())
              : java.util.OptionalDouble.empty()));
    }
    return tenants;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvalidParameterException(message);
    }
  }

  /** Typed access to string settings. */
  private static final class Settings {
    private final Map<String, String> values;

    Settings(Map<String, String> values) {
      this.values = values;
    }

    String string(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
      long v = longValue(name, fallback);
      check(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE, name + " is out of range");
      return (int) v;
    }

    long longValue(String name, long fallback) {
      String v = string(name, null);
      try {
        return v == null ? fallback : Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(name + " must be an integer, got '" + v + "'");
      }
    }

    double doubleValue(String name, double fallback) {
      String v = string(name, null);
      try {
        return v == null ? fallback : Double.parseDouble(v.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(name + " must be a number, got '" + v + "'");
      }
    }

    boolean bool(String name, boolean fallback) {
      String v = string(name, null);
      if (v == null) {
        return fallback;
      }
      return switch (v.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new InvalidParameterException(
            name + " must be true or false, got '" + v + "'");
      };
    }

    void checkAllKnown() {
      for (String name : values.keySet()) {
        check(SETTINGS.contains(name),
            "unknown setting '" + name + "'; allowed: " + String.join(", ", SETTINGS)
                + ", tenants");
      }
    }
  }
}
