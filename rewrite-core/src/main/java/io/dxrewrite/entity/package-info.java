/**
 * The entity layer: recognizers of direct identifiers (e-mail, phone, payment card, IBAN, SSN, IP
 * address, URL, date, number, person name, deny-list) run on the raw text before tokenization; each
 * recognized span is replaced by a placeholder or a surrogate of the same shape and never reaches a
 * mechanism, so its value cannot influence the output. Entry point
 * {@link io.dxrewrite.entity.EntityLayer}.
 */
package io.dxrewrite.entity;
