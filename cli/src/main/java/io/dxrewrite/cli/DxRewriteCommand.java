package io.dxrewrite.cli;

import io.dxrewrite.error.ErrorReporter;
import io.dxrewrite.mechanism.spec.MechanismHelpBundle;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dx-rewrite} launcher. Exit codes: 0 success, 2 bad usage or bad input (one-line
 * reason that never echoes record text), 1 internal error, 3 {@code audit} found a violation.
 */
@Command(
    name = "dx-rewrite",
    mixinStandardHelpOptions = true,
    version = "dx-rewrite 0.1.0",
    description = "Rewrites text under word-level metric differential privacy.",
    subcommands = {
      RewriteCommand.class,
      ImportEmbeddingsCommand.class,
      InfoCommand.class,
      BuildNeighboursCommand.class,
      StatsCommand.class,
      CalibrateCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      AuditCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DxRewriteCommand implements Runnable {
  /** Exit code for success. */
  public static final int EXIT_OK = ErrorReporter.EXIT_OK;

  /** Exit code for an internal error. */
  public static final int EXIT_INTERNAL = ErrorReporter.EXIT_INTERNAL;

  /** Exit code for bad usage or bad input. */
  public static final int EXIT_USAGE = ErrorReporter.EXIT_USAGE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  /**
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line without exiting the JVM (for tests and embedding).
   *
   * @param args command-line arguments
   * @return the exit code
   */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new DxRewriteCommand());
    cli.setResourceBundle(new MechanismHelpBundle()); // mechanism parameters' help, from the catalogue
    cli.setExecutionExceptionHandler(DxRewriteCommand::handle);
    cli.setParameterExceptionHandler(DxRewriteCommand::usageError);
    return cli.execute(args);
  }

  /**
   * A mistyped command line: the reason on one line and where to find the usage, instead of
   * picocli's full usage block after it. Picocli's messages quote only option names and the
   * values typed on the command line, never record text.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    java.io.PrintWriter err = cli.getErr();
    err.println("dx-rewrite: error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ErrorReporter.EXIT_USAGE;
  }

  private static int handle(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    return ErrorReporter.report(e, cli.getErr(), List.of());
  }

}
