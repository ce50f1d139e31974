/**
 * The entity layer's measurement harness: recall, survival and false positives of the direct-identifier
 * recognizers on a generated, held-out test set; results in {@code docs/entities.md}.
 */
package io.dxrewrite.bench.entity;
