package io.dxrewrite.server.ledger;

/**
 * What one charge added to one data subject's total.
 *
 * @param subjectKey the subject's keyed hash ({@link SubjectKeys#key}), never the raw key
 * @param epsilon epsilon added to the subject's total by the charge (the sum of its records'
 *     {@code total_epsilon} in that charge)
 */
public record SubjectCharge(String subjectKey, double epsilon) {}
