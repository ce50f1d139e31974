package io.dxrewrite.entity;

import java.util.Locale;

/**
 * The kinds of direct identifier the entity layer recognizes. The kind of each recognized span
 * (and, for surrogates, its shape) is released; its value never is.
 */
public enum EntityType {
  /** A person's name: gazetteer names in context, titles (see {@link PersonNameRecognizer}). */
  PERSON,
  /** An e-mail address (see {@link EmailRecognizer}). */
  EMAIL,
  /** A URL with a scheme or starting with {@code www.} (see {@link UrlRecognizer}). */
  URL,
  /** An IPv4 or IPv6 address (see {@link IpAddressRecognizer}). */
  IP_ADDRESS,
  /** A telephone number, international or national format (see {@link PhoneRecognizer}). */
  PHONE,
  /** A payment card number that passes the Luhn check (see {@link PaymentCardRecognizer}). */
  CARD,
  /** An IBAN that passes the ISO 13616 mod-97 check (see {@link IbanRecognizer}). */
  IBAN,
  /** A US social security number {@code AAA-GG-SSSS} (see {@link SsnRecognizer}). */
  SSN,
  /** A calendar date, numeric or with a month name (see {@link DateRecognizer}). */
  DATE,
  /** A number of three or more digits (see {@link NumberRecognizer}). */
  NUMBER;

  /**
   * @return the placeholder written for this kind, e.g. {@code <PERSON>}
   */
  public String placeholder() {
    return "<" + name() + ">";
  }

  /**
   * @param name a kind's name in any case, e.g. "person"
   * @return the kind
   * @throws io.dxrewrite.error.InvalidParameterException if no kind has that name
   */
  public static EntityType fromName(String name) {
    io.dxrewrite.error.DxPreconditions.checkOneOf(
        "entity type",
        name == null ? null : name.toUpperCase(Locale.ROOT),
        java.util.Arrays.stream(values()).map(Enum::name).toList());
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
