/**
 * Features for the classifier: a frozen embedding bag, the mean of a text's in-vocabulary word vectors
 * ({@code float[d]}).
 */
package io.dxrewrite.nlu.features;
