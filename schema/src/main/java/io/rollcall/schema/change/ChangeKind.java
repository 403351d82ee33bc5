package io.rollcall.schema.change;

/** What a change log entry records. */
public enum ChangeKind {

	/**
	 * An event as stored: new, or a correction with a higher revision (a duplicate or an
	 * older revision is not logged).
	 */
	EVENT_APPLIED,

	/** A rep's rollup in a program after a change: lessons, activity, quiz accuracy. */
	PROGRESS_CHANGED,

	/**
	 * A rep's compliance with a program's required lessons moved from one status to
	 * another.
	 */
	COMPLIANCE_CHANGED,

	/**
	 * A contact was removed: nothing of it is shown any more, and nothing of it follows.
	 */
	CONTACT_REMOVED

}
