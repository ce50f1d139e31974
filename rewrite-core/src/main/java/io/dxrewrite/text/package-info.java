/**
 * Text handling: a tokenizer into word and non-word tokens whose concatenation is exactly the input,
 * English contractions split as GloVe's tokenizer did, casing re-applied to replacements, and the rule
 * for strings holding unpaired UTF-16 surrogates.
 */
package io.dxrewrite.text;
