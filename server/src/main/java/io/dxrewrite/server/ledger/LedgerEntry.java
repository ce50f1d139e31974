package io.dxrewrite.server.ledger;

/**
 * One acknowledged charge in the privacy-budget ledger. Built from a request's privacy reports,
 * never from its text.
 *
 * @param sequence 1-based position in the ledger
 * @param epochMillis when the charge was written (wall clock, milliseconds since the epoch)
 * @param tenant the tenant charged
 * @param requestId the server-generated id of the request
 * @param epsilon epsilon charged: the sum of the request's per-record {@code total_epsilon}, i.e.
 *     epsilon per word times words perturbed, by basic composition
 */
public record LedgerEntry(
    long sequence, long epochMillis, String tenant, String requestId, double epsilon) {}
