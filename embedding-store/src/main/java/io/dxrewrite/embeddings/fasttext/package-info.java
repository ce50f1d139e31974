/**
 * fastText models ({@code .bin}, quantized {@code .ftz}) loaded through JFastText's native library,
 * after their structure has been checked in Java: vocabulary vectors and subword vectors for words
 * outside the vocabulary (Bojanowski et al., TACL 2017).
 */
package io.dxrewrite.embeddings.fasttext;
