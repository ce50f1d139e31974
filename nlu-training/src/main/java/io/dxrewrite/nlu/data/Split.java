package io.dxrewrite.nlu.data;

import io.dxrewrite.error.InvalidInputException;
import java.util.Locale;

/** Which part of a labelled set a record belongs to. */
public enum Split {
  /** Training records (the members, for membership inference). */
  TRAIN,
  /** Held-out test records. */
  TEST;

  /**
   * @param value "train" or "test", any case
   * @param line 1-based line number, for the error message
   * @return the split
   * @throws InvalidInputException for any other value (the message names the line, not the text)
   */
  public static Split parse(String value, long line) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "train":
        return TRAIN;
      case "test":
        return TEST;
      default:
        throw new InvalidInputException(
            "line " + line + ": the split field must be 'train' or 'test'");
    }
  }
}
