/**
 * Evaluation of trained models: test accuracy, the loss-threshold membership-inference attack (Yeom
 * et al., CSF 2018), and the privacy-utility grid (rewrite mechanism and epsilon crossed with
 * non-private and DP-SGD training).
 */
package io.dxrewrite.nlu.eval;
