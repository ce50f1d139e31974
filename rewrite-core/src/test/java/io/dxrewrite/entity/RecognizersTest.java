package io.dxrewrite.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each recognizer on made-up identifiers, and on look-alikes it must leave alone. */
class RecognizersTest {
  private static final EntityDetector DETECTOR =
      EntityDetector.standard(Gazetteer.builtIn(), EntityList.EMPTY);

  /** The detected spans as "TYPE[text]". */
  static List<String> found(String text) {
    return DETECTOR.detect(text).stream()
        .map(s -> s.type() + "[" + text.substring(s.start(), s.end()) + "]")
        .toList();
  }

  @Test
  void emailAddresses() {
    assertThat(found("write to jo.q+test@mail.example.co.uk, or x_y@example.org."))
        .containsExactly("EMAIL[jo.q+test@mail.example.co.uk]", "EMAIL[x_y@example.org]");
    assertThat(found("meet @ noon, user@localhost")).isEmpty();
    // internationalized addresses (RFC 6531)
    assertThat(found("or zoë.müller@exämple.de")).containsExactly("EMAIL[zoë.müller@exämple.de]");
  }

  @Test
  void urls() {
    assertThat(found("see https://example.com/a/b?c=1&d=2. Or www.example.org/x), ok"))
        .containsExactly("URL[https://example.com/a/b?c=1&d=2]", "URL[www.example.org/x]");
    assertThat(found("the www is big")).isEmpty();
  }

  @Test
  void ipAddresses() {
    assertThat(found("hosts 10.0.0.255 and 2001:db8::8a2e:370:7334 and ::ffff:192.0.2.1."))
        .containsExactly(
            "IP_ADDRESS[10.0.0.255]",
            "IP_ADDRESS[2001:db8::8a2e:370:7334]",
            "IP_ADDRESS[::ffff:192.0.2.1]");
    // a clock time and a version string are not addresses (the version is a number)
    assertThat(found("at 10:30:00 run v1.2")).isEmpty();
    assertThat(found("octet 256.1.1.1")).doesNotContain("IP_ADDRESS[256.1.1.1]");
  }

  @Test
  void phoneNumbersInternationalAndNational() {
    assertThat(found("call +44 20 7946 0958 or +1-202-555-0143 or (555) 010-4477"))
        .containsExactly(
            "PHONE[+44 20 7946 0958]", "PHONE[+1-202-555-0143]", "PHONE[(555) 010-4477]");
    assertThat(found("ring 020 7946 0958, 07700 900123, 555.010.9999 or +49 (0)30 1234567"))
        .containsExactly(
            "PHONE[020 7946 0958]",
            "PHONE[07700 900123]",
            "PHONE[555.010.9999]",
            "PHONE[+49 (0)30 1234567]");
    assertThat(found("scores 12 34 and 5-6")).isEmpty();
  }

  @Test
  void paymentCardsAreLuhnChecked() {
    assertThat(found("card 4111 1111 1111 1111 or 5500-0000-0000-0004 or 378282246310005"))
        .containsExactly(
            "CARD[4111 1111 1111 1111]", "CARD[5500-0000-0000-0004]", "CARD[378282246310005]");
    // one digit changed: fails Luhn, so it is no card (its groups are still numbers)
    assertThat(found("card 4111 1111 1111 1112")).doesNotContain("CARD[4111 1111 1111 1112]");
    assertThat(PaymentCardRecognizer.luhnValid("79927398713")).isTrue();
    assertThat(PaymentCardRecognizer.luhnValid("79927398710")).isFalse();
  }

  @Test
  void ibansAreMod97Checked() {
    assertThat(found("pay GB82 WEST 1234 5698 7654 32 TODAY or DE89370400440532013000."))
        .containsExactly("IBAN[GB82 WEST 1234 5698 7654 32]", "IBAN[DE89370400440532013000]");
    assertThat(IbanRecognizer.valid("GB82WEST12345698765433")).isFalse();
  }

  @Test
  void socialSecurityNumbers() {
    assertThat(found("SSN 078-05-1120 then 123 45 6789"))
        .containsExactly("SSN[078-05-1120]", "SSN[123 45 6789]");
    // never-issued areas and groups are not SSNs
    assertThat(found("id 666-12-3456 and 123-00-4567")).noneMatch(s -> s.startsWith("SSN"));
  }

  @Test
  void dates() {
    assertThat(found("on 2024-01-15, 12/31/1999, 31.12.99, 5th of May, 2024, May 5 and 3 Sept"))
        .containsExactly(
            "DATE[2024-01-15]",
            "DATE[12/31/1999]",
            "DATE[31.12.99]",
            "DATE[5th of May, 2024]",
            "DATE[May 5]",
            "DATE[3 Sept]");
    assertThat(found("in May I may go; 13/13/2020")).noneMatch(s -> s.startsWith("DATE"));
  }

  @Test
  void numbersOfThreeOrMoreDigits() {
    assertThat(found("order 123, ref A1234567, 1,234.56 total, 12 items, 3.5mm"))
        .containsExactly("NUMBER[123]", "NUMBER[A1234567]", "NUMBER[1,234.56]");
  }

  @Test
  void personNamesByContextRules() {
    // rule 2 and 3: a first name plus a capitalised word, listed words not at a sentence start
    assertThat(found("Yesterday I met Alice Zyxwv and Grace Hopper at the desk."))
        .containsExactly("PERSON[Alice Zyxwv]", "PERSON[Grace Hopper]");
    // rule 1: titles, even for unlisted words
    assertThat(found("Ask Dr Qwertz or Mrs. Plonk Vulpes.")).containsExactly(
        "PERSON[Qwertz]", "PERSON[Plonk Vulpes]");
    // rule 4: at a sentence start, listed words next to each other
    assertThat(found("Anna Maria Schmidt came.")).containsExactly("PERSON[Anna Maria Schmidt]");
    // hyphenated names and possessives
    assertThat(found("We saw Mary-Jane Watson's dog.")).containsExactly("PERSON[Mary-Jane Watson]");
  }

  @Test
  void commonWordsThatAreNamesStayWords() {
    assertThat(found("I will call you. May I ask? Mark my words: hope and grace will win.")).isEmpty();
    assertThat(found("Will Verizon fix it? In May we rose early.")).isEmpty();
    assertThat(found("Great Product, Excellent Value.")).isEmpty();
  }

  @Test
  void overlapsGoToTheLongestSpan() {
    // the e-mail's local part is a name and a phone-like date is a date
    assertThat(found("mail Alice.Smith@example.com on 2024-01-15"))
        .containsExactly("EMAIL[Alice.Smith@example.com]", "DATE[2024-01-15]");
    // a card is one card, not a phone and numbers
    assertThat(found("4111-1111-1111-1111")).containsExactly("CARD[4111-1111-1111-1111]");
  }

  @Test
  void denyListTermsMatchInAnyCaseAndContext() {
    EntityDetector detector =
        EntityDetector.standard(
            Gazetteer.builtIn(),
            new EntityList(
                List.of(
                    new EntityList.Entry("zork  quux", EntityType.PERSON),
                    new EntityList.Entry("blue heron", EntityType.NUMBER))));
    String text = "zork quux saw ZORK QUUX and a Blue Heron, not zorkquux.";
    assertThat(detector.detect(text).stream().map(s -> s.type() + "[" + text.substring(s.start(), s.end()) + "]"))
        .containsExactly("PERSON[zork quux]", "PERSON[ZORK QUUX]", "NUMBER[Blue Heron]");
  }
}
