package io.rollcall.schema.change;

/**
 * A rep's compliance status before and after a change
 * ({@link ChangeKind#COMPLIANCE_CHANGED}).
 *
 * @param from the status before; {@code null} for a rep new to the program
 * @param to the status after
 */
public record ComplianceMove(ComplianceStatus from, ComplianceStatus to) {
}
