package io.dxrewrite.spark;

import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.entity.EntityList;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.entity.EntityType;
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
 * @param lambda the Mahalanobis regularisation, or {@code null} for the mechanism's default
 * @param t the Vickrey parameter, or {@code null} for the default
 * @param targetNw the text-level N_w target epsilon was calibrated from, or {@code null}
 * @param casing the casing policy
 * @param beta the TEM parameter, or {@code null} for the default
 * @param entities the entity treatment
 * @param denyTypes kinds of the deny-list's terms ({@link EntityType} names), parallel to {@code
 *     denyTerms}
 * @param denyTerms the deny-list's terms
 */
record PortableOptions(
    String mechanism,
    double epsilon,
    Long seed,
    OovPolicy oovPolicy,
    List<String> skipWords,
    Double lambda,
    Double t,
    Double targetNw,
    CasingPolicy casing,
    Double beta,
    EntityTreatment entities,
    List<String> denyTypes,
    List<String> denyTerms)
    implements Serializable {

  static PortableOptions of(RewriteOptions options) {
    return new PortableOptions(
        options.mechanism(),
        options.epsilon(),
        options.seed().isPresent() ? options.seed().getAsLong() : null,
        options.oovPolicy(),
        List.copyOf(options.skipWords()),
        options.parameters().lambda().isPresent() ? options.parameters().lambda().getAsDouble() : null,
        options.parameters().t().isPresent() ? options.parameters().t().getAsDouble() : null,
        options.targetNw().isPresent() ? options.targetNw().getAsDouble() : null,
        options.casing(),
        options.parameters().beta().isPresent() ? options.parameters().beta().getAsDouble() : null,
        options.entities().treatment(),
        options.entities().denyList().entries().stream().map(e -> e.type().name()).toList(),
        options.entities().denyList().entries().stream().map(EntityList.Entry::term).toList());
  }

  RewriteOptions toOptions() {
    RewriteOptions.Builder builder =
        RewriteOptions.builder()
            .mechanism(mechanism)
            .epsilon(epsilon)
            .seed(seed == null ? OptionalLong.empty() : OptionalLong.of(seed))
            .oovPolicy(oovPolicy)
            .skipWords(Set.copyOf(skipWords))
            .casing(casing)
            .entities(entities);
    if (!denyTerms.isEmpty()) {
      List<EntityList.Entry> entries = new java.util.ArrayList<>();
      for (int i = 0; i < denyTerms.size(); i++) {
        entries.add(new EntityList.Entry(denyTerms.get(i), EntityType.valueOf(denyTypes.get(i))));
      }
      builder.entityList(new EntityList(entries));
    }
    if (lambda != null) {
      builder.lambda(lambda);
    }
    if (t != null) {
      builder.t(t);
    }
    if (targetNw != null) {
      builder.targetNw(targetNw);
    }
    if (beta != null) {
      builder.beta(beta);
    }
    return builder.build();
  }
}
