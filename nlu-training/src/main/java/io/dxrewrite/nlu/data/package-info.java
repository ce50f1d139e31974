/**
 * Labelled data sets for downstream utility: JSONL and TSV readers (text, label, optional train/test
 * split), label sets, and the WordNet gloss-topic task (45 classes).
 */
package io.dxrewrite.nlu.data;
