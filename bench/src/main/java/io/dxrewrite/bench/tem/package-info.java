/**
 * TEM (Carvalho et al., SDM 2023) against the other mechanisms on a real corpus (WordNet 3.1
 * glosses) and a real store, in one process; results in {@code bench/RESULTS.md}.
 */
package io.dxrewrite.bench.tem;
