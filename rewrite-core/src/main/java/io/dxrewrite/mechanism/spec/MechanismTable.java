package io.dxrewrite.mechanism.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's mechanism and parameter tables, rendered from {@link MechanismCatalogue} (GitHub
 * Markdown). The README holds this text between {@link #BEGIN} and {@link #END}; a test
 * regenerates it and compares, so the README cannot drift from the catalogue.
 */
public final class MechanismTable {
  /** The marker line before the generated tables. */
  public static final String BEGIN = "<!-- mechanism-table:begin -->";

  /** The marker line after the generated tables. */
  public static final String END = "<!-- mechanism-table:end -->";

  private MechanismTable() {}

  /**
   * @return the Markdown between the markers, without them, ending with a newline: a table of the
   *     mechanisms, a table of their parameters, and the withdrawn mechanisms
   */
  public static String markdown() {
    List<String> all = MechanismCatalogue.names();
    StringBuilder s = new StringBuilder();
    s.append("| mechanism | what it does | metric d of the guarantee | epsilon units |"
        + " own parameters |\n");
    s.append("|---|---|---|---|---|\n");
    for (MechanismSpec m : MechanismCatalogue.MECHANISMS) {
      String own = MechanismCatalogue.OWN_PARAMETERS.stream()
          .filter(p -> p.appliesTo(m.name()))
          .map(p -> "`" + p.name() + "` (default " + Range.format(p.defaultFor(m.name()).orElseThrow())
              + ")")
          .collect(Collectors.joining(", "));
      s.append("| `").append(m.name()).append("` | ").append(cell(m.description())).append(" | ")
          .append(cell(m.metric())).append(" | ").append(cell(m.epsilonUnits())).append(" | ")
          .append(own.isEmpty() ? "none" : own).append(" |\n");
    }
    s.append('\n');
    s.append("| parameter | CLI and Spark flag | API field | applies to | allowed | default | unit |"
        + " meaning |\n");
    s.append("|---|---|---|---|---|---|---|---|\n");
    for (ParameterSpec p : MechanismCatalogue.PARAMETERS) {
      s.append("| ").append(p.name()).append(" | `").append(p.cliFlag()).append("` | `")
          .append(p.name()).append("` | ")
          .append(p.mechanisms().containsAll(all) ? "all" : p.describeMechanisms()).append(" | ")
          .append(cell(p.range().describe())).append(" | ").append(p.describeDefaults())
          .append(" | ").append(cell(p.unit())).append(" | ").append(cell(p.description()))
          .append(" |\n");
    }
    s.append('\n');
    for (WithdrawnMechanism w : MechanismCatalogue.WITHDRAWN) {
      s.append("Withdrawn: `").append(w.name()).append("`: ").append(w.reason())
          .append(". Every front end refuses the name and says why.\n");
    }
    return s.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
