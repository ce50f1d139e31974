package io.dxrewrite.entity;

import java.util.regex.Pattern;

/**
 * US social security numbers in their printed form {@code AAA-GG-SSSS} (hyphens or single
 * spaces), with the Social Security Administration's never-issued values excluded: area 000, 666
 * or 900-999, group 00, serial 0000.
 */
public final class SsnRecognizer extends PatternRecognizer {
  private static final Pattern SSN =
      Pattern.compile(
          "(?<![\\w.-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\w-]|[.]\\d)");

  /** The recognizer. */
  public SsnRecognizer() {
    super(EntityType.SSN, SSN);
  }
}
