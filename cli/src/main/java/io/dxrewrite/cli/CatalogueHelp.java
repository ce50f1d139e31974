package io.dxrewrite.cli;

import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import java.util.ListResourceBundle;
import java.util.Map;

/**
 * The help of the mechanism parameters ({@code --lambda}, {@code --t}, {@code --beta}) and the
 * ranges of {@code --epsilon} and {@code --target-nw}, served to picocli as a resource bundle
 * from {@link MechanismCatalogue#helpTexts()}, so that {@code --help} states the catalogue's
 * ranges and defaults and never restates them.
 */
public final class CatalogueHelp extends ListResourceBundle {
  @Override
  protected Object[][] getContents() {
    Map<String, String> texts = MechanismCatalogue.helpTexts();
    return texts.entrySet().stream()
        .map(e -> new Object[] {e.getKey(), e.getValue()})
        .toArray(Object[][]::new);
  }
}
