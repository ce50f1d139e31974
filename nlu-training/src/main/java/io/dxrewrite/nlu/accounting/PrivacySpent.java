package io.dxrewrite.nlu.accounting;

/**
 * An (epsilon, delta)-DP guarantee derived from an RDP curve.
 *
 * @param epsilon epsilon in nats (per record, under add-or-remove-one neighbouring); may be
 *     {@code +inf}
 * @param delta the delta it holds for
 * @param order the Renyi order that gave the smallest epsilon ({@code NaN} when none was finite)
 */
public record PrivacySpent(double epsilon, double delta, double order) {}
