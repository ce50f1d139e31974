package io.dxrewrite.spark;

import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.RewriteOptions;
import java.io.Serializable;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link RewriteOptions} in a form that Spark can serialise into a task closure ({@code
 * OptionalLong} and the option record are not {@link Serializable}). Holds parameters only, never
 * text.
 *
 * @param mechanism mechanism name
 * @param epsilon epsilon per word
 * @param seed the caller's seed, or {@code null} for {@code SecureRandom}
 * @param oovPolicy the out-of-vocabulary policy
 * @param skipWords the public skip list
 */
record PortableOptions(
    String mechanism, double epsilon, Long seed, OovPolicy oovPolicy, List<String> skipWords)
    implements Serializable {

  static PortableOptions of(RewriteOptions options) {
    return new PortableOptions(
        options.mechanism(),
        options.epsilon(),
        options.seed().isPresent() ? options.seed().getAsLong() : null,
        options.oovPolicy(),
        List.copyOf(options.skipWords()));
  }

  RewriteOptions toOptions() {
    return new RewriteOptions(
        mechanism,
        epsilon,
        seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
        oovPolicy,
        Set.copyOf(skipWords));
  }
}
