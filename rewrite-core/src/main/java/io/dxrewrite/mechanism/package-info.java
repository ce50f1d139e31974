/**
 * Word-level metric-DP mechanisms, one class per published mechanism: CMP (multivariate Laplace;
 * Feyisetan et al., WSDM 2020), regularised Mahalanobis (Xu et al., PrivateNLP 2020), Vickrey (Xu et
 * al., 2021) and the truncated exponential mechanism TEM (Carvalho et al., SDM 2023), behind
 * {@link io.dxrewrite.mechanism.Mechanism}; their noise samplers; and the
 * {@link io.dxrewrite.mechanism.MechanismContext} they are built from (store, index, neighbourhood
 * table, output vocabulary). Epsilon is per word, in inverse units of Euclidean embedding distance.
 */
package io.dxrewrite.mechanism;
