/**
 * The progress callback of long computations (rewriting a corpus, building a neighbour table,
 * calibrating epsilon, training), shared by the library and every front end that draws progress.
 */
package io.dxrewrite.progress;
