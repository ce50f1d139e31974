/**
 * Density calibration: the local density of the embedding space around each word. Neighbourhood
 * tables (each word's K nearest words with their Euclidean distances), global distance bounds
 * (deltaMin, deltaMax), the normalised embedding covariance of the Mahalanobis mechanism, and a
 * certified exact nearest-neighbour search for noisy vectors that uses the table to avoid full scans.
 * rewrite-core depends on it so that mechanisms can read it.
 */
package io.dxrewrite.density;
