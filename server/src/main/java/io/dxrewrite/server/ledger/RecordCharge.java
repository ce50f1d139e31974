package io.dxrewrite.server.ledger;

/**
 * One record's share of a charge: its report's {@code total_epsilon} and, if the record carries a
 * data subject, that subject's keyed hash ({@link SubjectKeys#key}); never the raw subject key.
 *
 * @param epsilon the record's epsilon (epsilon per word times words perturbed, in the Euclidean
 *     units the ledger sums), finite and {@code >= 0}
 * @param subjectKey the subject's HMAC-SHA256 (lower-case hex, 64 characters), or null for a
 *     record without a subject
 */
public record RecordCharge(double epsilon, String subjectKey) {}
