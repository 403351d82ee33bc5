package io.rollcall.api.error;

/**
 * The indexer reported that an accepted write could not be applied; its reason is safe to
 * show (see {@code AppliedNotice}).
 */
public final class NotAppliedException extends RollcallException {

	public NotAppliedException(String reason) {
		super(ErrorCode.INTERNAL, "accepted but could not be applied: " + reason);
	}

}
