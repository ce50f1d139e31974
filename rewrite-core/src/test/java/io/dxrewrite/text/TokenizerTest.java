package io.dxrewrite.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.Rewriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private final Tokenizer tokenizer = new Tokenizer();

  /** Real review sentences from examples/, plus unicode, emoji, CRLF and tabs. */
  private static String realText() throws IOException {
    Path examples = Path.of("..", "examples", "amazon-sentences.txt");
    List<String> lines = Files.readAllLines(examples, StandardCharsets.UTF_8);
    String sample = String.join("\n", lines.subList(0, 200));
    return sample
        + "\r\nCafé naïve résumé Köln 東京 Straße\tTAB\there — “quoted” 😀👍🏽 x²\r\n"
        + "I'm O'Neil's co-worker; e-mail: a.b@c.d — 3.14 and 1,000!\n\n  trailing  ";
  }

  @Test
  void tokensConcatenateToTheInputExactly() throws IOException {
    String text = realText();
    String joined = tokenizer.tokenize(text).stream().map(Token::text).collect(Collectors.joining());
    assertThat(joined).isEqualTo(text);
  }

  @Test
  void wordsAreLetterDigitRunsAndEverythingElseIsKept() {
    List<Token> tokens = tokenizer.tokenize("Don't stop—Köln 42x!😀");
    assertThat(tokens)
        .containsExactly(
            new Token("Do", true),
            new Token("n't", true, "not", true),
            new Token(" ", false),
            new Token("stop", true),
            new Token("—", false),
            new Token("Köln", true),
            new Token(" ", false),
            new Token("42x", true),
            new Token("!😀", false));
  }

  @Test
  void contractionsAreSplitAsGloveSplitThem() {
    List<Token> tokens =
        tokenizer.tokenize("I'm sure it\u2019s Jo's; they CAN'T, we'd");
    assertThat(tokens)
        .containsExactly(
            new Token("I", true),
            new Token("'m", true, "am", true),
            new Token(" ", false),
            new Token("sure", true),
            new Token(" ", false),
            new Token("it", true),
            new Token("\u2019s", true, "is", true),
            new Token(" ", false),
            new Token("Jo", true),
            new Token("'s", true, "is", true),
            new Token("; ", false),
            new Token("they", true),
            new Token(" ", false),
            new Token("CA", true),
            new Token("N'T", true, "not", true),
            new Token(", ", false),
            new Token("we", true),
            new Token("'d", true, "would", true));
  }

  @Test
  void apostrophesThatFormNoContractionStaySeparators() {
    // O'Neil, rock'n'roll, y'all: no clitic; "n't" alone has no stem; students' ends a word;
    // 'tis has no word before the apostrophe; two apostrophes are not one.
    String text = "O'Neil rock'n'roll y'all n't students' 'tis it''s";
    List<Token> tokens = tokenizer.tokenize(text);
    assertThat(tokens).noneMatch(Token::clitic);
    assertThat(tokens.stream().filter(Token::word).map(Token::text))
        .containsExactly("O", "Neil", "rock", "n", "roll", "y", "all", "n", "t", "students",
            "tis", "it", "s");
  }

  @Test
  void identityMechanismReproducesRealTextByteForByte() throws IOException {
    String text = realText();
    Mechanism identity = new io.dxrewrite.testing.IdentityMechanism();
    Rewriter rewriter =
        new Rewriter(
            new MechanismContext(
                DefaultEmbeddings.open(),
                new BruteForceIndex(DefaultEmbeddings.open()),
                () -> {
                  throw new AssertionError("no table needed");
                }),
            (name, context, epsilon, parameters) -> identity);
    RewriteOptions options = RewriteOptions.builder()
            .epsilon(1)
            .oovPolicy(OovPolicy.KEEP)
            .casing(io.dxrewrite.rewrite.CasingPolicy.KEEP)
            .entities(io.dxrewrite.entity.EntityTreatment.OFF)
            .build();
    String out = rewriter.rewrite(text, options).text();
    assertThat(out.getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void casingPatternsAreDetectedAndReapplied() {
    assertThat(CasePattern.of("hello")).isEqualTo(CasePattern.LOWER);
    assertThat(CasePattern.of("Hello")).isEqualTo(CasePattern.CAPITALIZED);
    assertThat(CasePattern.of("I")).isEqualTo(CasePattern.CAPITALIZED);
    assertThat(CasePattern.of("NASA")).isEqualTo(CasePattern.UPPER);
    assertThat(CasePattern.of("iPhone")).isEqualTo(CasePattern.MIXED);
    assertThat(CasePattern.of("42")).isEqualTo(CasePattern.LOWER);
    assertThat(CasePattern.CAPITALIZED.apply("élan")).isEqualTo("Élan");
    assertThat(CasePattern.UPPER.apply("straße")).isEqualTo("STRASSE");
    assertThat(CasePattern.LOWER.apply("word")).isEqualTo("word");
    assertThat(CasePattern.MIXED.apply("word")).isEqualTo("word");
  }
}
