/**
 * The privacy-budget ledger: every acknowledged charge and each tenant's and data subject's epsilon
 * total in one embedded, durable store (H2 MVStore), the accountant that charges requests against the
 * budgets, keyed hashes (HMAC-SHA256) of data-subject keys, and the migration from the former line
 * format.
 */
package io.dxrewrite.server.ledger;
