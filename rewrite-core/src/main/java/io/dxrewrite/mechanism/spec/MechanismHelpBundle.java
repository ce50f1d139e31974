package io.dxrewrite.mechanism.spec;

import java.util.ListResourceBundle;
import java.util.Map;

/**
 * {@link MechanismCatalogue#helpTexts()} as a {@link java.util.ResourceBundle}, the form in which
 * command-line front ends (the CLI, the Spark job; picocli's {@code setResourceBundle}) take the
 * help of {@code --lambda}, {@code --t}, {@code --beta} and the ranges {@code ${bundle:range.NAME}},
 * so that their {@code --help} states the catalogue's ranges and defaults and never restates them.
 */
public final class MechanismHelpBundle extends ListResourceBundle {
  /** A bundle of the catalogue's current texts. */
  public MechanismHelpBundle() {}

  @Override
  protected Object[][] getContents() {
    Map<String, String> texts = MechanismCatalogue.helpTexts();
    return texts.entrySet().stream()
        .map(e -> new Object[] {e.getKey(), e.getValue()})
        .toArray(Object[][]::new);
  }
}
