/**
 * Privacy accounting of DP-SGD: a Renyi-DP accountant (Mironov, CSF 2017) for the Poisson-subsampled
 * Gaussian mechanism, its conversion to (epsilon, delta)-DP (Canonne, Kamath, Steinke, NeurIPS 2020,
 * Prop. 12), and the search for the smallest noise multiplier that meets a target (epsilon, delta).
 */
package io.dxrewrite.nlu.accounting;
