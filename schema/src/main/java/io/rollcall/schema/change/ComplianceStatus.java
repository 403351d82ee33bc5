package io.rollcall.schema.change;

import java.time.Instant;

/** Where a rep stands with a program's required lessons. */
public enum ComplianceStatus {

	/** Every required lesson completed. */
	COMPLIANT,

	/** A required lesson is missing, and the due date (if any) has not passed. */
	NON_COMPLIANT,

	/** A required lesson is missing and the due date has passed. */
	OVERDUE;

	/**
	 * The status of a rep who completed every required lesson or not, at {@code now}, for
	 * a program due at {@code dueDate} ({@code null}: never overdue).
	 */
	public static ComplianceStatus of(boolean completedAll, Instant dueDate, Instant now) {
		if (completedAll) {
			return COMPLIANT;
		}
		return dueDate != null && now.isAfter(dueDate) ? OVERDUE : NON_COMPLIANT;
	}

}
