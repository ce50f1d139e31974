/**
 * The privacy auditor: searches for word pairs (w, w') and outputs y where a mechanism's claimed
 * metric-DP bound {@code P[M(w)=y] <= exp(epsilon d(w,w')) P[M(w')=y]} fails (Chatzikokolakis et
 * al., PETS 2013; Feyisetan et al., WSDM 2020), exactly for {@link
 * io.dxrewrite.mechanism.ExactMechanism}s and with Clopper-Pearson confidence bounds for the
 * sampled (additive) mechanisms. Entry point: {@link io.dxrewrite.audit.PrivacyAuditor}.
 */
package io.dxrewrite.audit;
