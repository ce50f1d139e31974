/**
 * Choosing epsilon by plausible deniability: Monte Carlo estimates of N_w and S_w (Feyisetan et al.,
 * WSDM 2020, Sec. 5.2), the epsilon whose text-level N_w equals a target on a public Zipf-weighted word
 * sample, and a cache of such calibrations next to the store.
 */
package io.dxrewrite.calibration;
