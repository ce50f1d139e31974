/**
 * The mechanism catalogue: each mechanism's name, description and metric, each parameter's
 * flag, field, unit, range and per-mechanism default, and the withdrawn mechanisms with their
 * reason. The one home of these facts; the CLI, the API, the Spark job, {@code openapi.yaml} and
 * the README derive from {@link io.dxrewrite.mechanism.spec.MechanismCatalogue}.
 */
package io.dxrewrite.mechanism.spec;
