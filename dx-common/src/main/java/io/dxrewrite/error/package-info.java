/**
 * dx-rewrite's exception hierarchy ({@link io.dxrewrite.error.DxRewriteException} and its
 * subclasses), the one parameter checker {@link io.dxrewrite.error.DxPreconditions}, and the kind of
 * each failure ({@link io.dxrewrite.error.ErrorKind}: usage, input, environment, internal) with its
 * exit code and HTTP status, and the mapping of a command-line failure to a one-line message and an
 * exit code. Messages name what was wrong and
 * what is allowed, and never quote input text.
 */
package io.dxrewrite.error;
