/**
 * Renderings of the privacy-utility grid of {@code dx-rewrite evaluate}: the {@code RESULTS.md} table
 * and PNG plots of test accuracy against epsilon.
 */
package io.dxrewrite.cli.evaluation;
