package io.dxrewrite.cli;

import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.error.ErrorReporter;
import io.dxrewrite.mechanism.spec.MechanismHelpBundle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dx-rewrite} launcher. Exit codes (one home: {@link ErrorKind}): 0 success, 2 bad
 * usage or bad input (one-line reason that never echoes record text), 4 a failure of the machine
 * rather than of the caller (a full disk, a closed pipe, a GPU failing in the middle of a run), 1
 * internal error, 3 {@code audit} found a violation.
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

  /** Exit code for a failure of the machine (I/O, device) rather than of the caller. */
  public static final int EXIT_ENVIRONMENT = ErrorReporter.EXIT_ENVIRONMENT;

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
    Map<String, String> exitCodes = exitCodes();
    for (CommandLine c : java.util.stream.Stream.concat(
        java.util.stream.Stream.of(cli), cli.getSubcommands().values().stream()).toList()) {
      c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
          .exitCodeList(exitCodes);
    }
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

  /** The exit codes shown by {@code --help}, read from {@link ErrorKind}, their one home. */
  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(String.valueOf(EXIT_OK), "success");
    codes.put(String.valueOf(ErrorKind.USAGE.exitCode()),
        "bad usage or bad input (the reason on one line, never record text)");
    codes.put(String.valueOf(ErrorKind.INTERNAL.exitCode()), "internal error");
    codes.put(String.valueOf(AuditCommand.EXIT_VIOLATION), "audit found a violation");
    codes.put(String.valueOf(ErrorKind.ENVIRONMENT.exitCode()),
        "the machine failed the run (a read or write, a device), not the caller");
    return codes;
  }

  private static int handle(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    return ErrorReporter.report(e, cli.getErr(), List.of());
  }

}
