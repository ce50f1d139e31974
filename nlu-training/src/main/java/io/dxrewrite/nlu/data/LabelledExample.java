package io.dxrewrite.nlu.data;

/**
 * One labelled record.
 *
 * @param text the (possibly sanitized) text
 * @param label the class name, e.g. "noun.animal" or "1"
 * @param split train or test; records of a file without a split field are {@link Split#TRAIN}
 */
public record LabelledExample(String text, String label, Split split) {
  /**
   * @param newText replacement text (e.g. the rewritten record)
   * @return a copy with the same label and split
   */
  public LabelledExample withText(String newText) {
    return new LabelledExample(newText, label, split);
  }
}
