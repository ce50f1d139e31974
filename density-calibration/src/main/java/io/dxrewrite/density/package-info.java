/**
 * Density calibration: the local density of the embedding space around each word (neighbourhood
 * tables, distance bounds), per-word noise scales and plausible-deniability statistics. Filled in
 * by the density-calibration issue; rewrite-core depends on it so that mechanisms can read it.
 */
package io.dxrewrite.density;
