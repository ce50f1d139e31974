/**
 * Training of the classifier, non-privately or with DP-SGD: configuration, the training loop, per-epoch
 * metrics on the held-out test set, and the privacy spent as reported by the RDP accountant.
 */
package io.dxrewrite.nlu.train;
