package io.dxrewrite.rewrite;

/**
 * One rewritten record.
 *
 * @param text the rewritten text; every non-word character of the input is preserved
 * @param report what the rewrite spent
 */
public record RewriteResult(String text, PrivacyReport report) {}
