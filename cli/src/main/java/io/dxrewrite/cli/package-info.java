/**
 * The {@code dx-rewrite} command line (picocli): one class per subcommand ({@code rewrite},
 * {@code serve}, {@code calibrate}, {@code stats}, {@code audit}, {@code evaluate}, {@code train},
 * {@code import-embeddings}, {@code build-neighbours}, {@code info}, {@code bench}) and the option
 * mixins they share. Argument parsing, progress and exit codes live here; rewriting is delegated to
 * {@link io.dxrewrite.rewrite.Rewriter}. Entry point {@link io.dxrewrite.cli.DxRewriteCommand}.
 */
package io.dxrewrite.cli;
