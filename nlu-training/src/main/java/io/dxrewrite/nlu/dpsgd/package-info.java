/**
 * DP-SGD (Abadi et al., CCS 2016, Algorithm 1): Poisson sampling, per-example clipping to L2 norm C
 * with ghost norms (no per-example gradient materialised), and Gaussian noise of standard deviation
 * sigma * C from the caller's generator.
 */
package io.dxrewrite.nlu.dpsgd;
