package io.dxrewrite.density;

/**
 * How crowded the embedding space is around one word, from its neighbourhood table row. All
 * distances are Euclidean distances in embedding space.
 *
 * @param firstNeighbour distance to the nearest other word
 * @param kthNeighbour distance to the K-th nearest other word
 * @param meanNeighbour mean distance to the K nearest other words
 */
public record DensityStatistics(double firstNeighbour, double kthNeighbour, double meanNeighbour) {}
