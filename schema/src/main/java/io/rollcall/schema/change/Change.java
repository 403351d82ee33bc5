package io.rollcall.schema.change;

import io.rollcall.schema.event.InteractionEvent;
import java.time.Instant;

/**
 * One entry of a tenant's change log. Exactly one of {@code event}, {@code progress} and
 * {@code compliance} is set, by {@code kind}; {@link ChangeKind#CONTACT_REMOVED} carries
 * none of them (and no program).
 *
 * @param kind what changed
 * @param contactId the rep
 * @param programId the program, {@code null} for a removal
 * @param appliedAt when the change became visible (after the refresh)
 * @param event the event as stored, for {@link ChangeKind#EVENT_APPLIED}
 * @param progress the rep's rollup after the change, for
 * {@link ChangeKind#PROGRESS_CHANGED}
 * @param compliance the status move, for {@link ChangeKind#COMPLIANCE_CHANGED}
 */
public record Change(ChangeKind kind, String contactId, String programId, Instant appliedAt, InteractionEvent event,
		ProgressSnapshot progress, ComplianceMove compliance) {

	public static Change eventApplied(InteractionEvent event, Instant appliedAt) {
		return new Change(ChangeKind.EVENT_APPLIED, event.contactId(), event.programId(), appliedAt, event, null, null);
	}

	public static Change progressChanged(String contactId, String programId, ProgressSnapshot progress,
			Instant appliedAt) {
		return new Change(ChangeKind.PROGRESS_CHANGED, contactId, programId, appliedAt, null, progress, null);
	}

	public static Change complianceChanged(String contactId, String programId, ComplianceMove move, Instant appliedAt) {
		return new Change(ChangeKind.COMPLIANCE_CHANGED, contactId, programId, appliedAt, null, null, move);
	}

	public static Change contactRemoved(String contactId, Instant appliedAt) {
		return new Change(ChangeKind.CONTACT_REMOVED, contactId, null, appliedAt, null, null, null);
	}

}
