package io.rollcall.api.changes;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import io.rollcall.schema.change.ChangeCursor;
import java.util.Map;

/**
 * A cursor older than the change log keeps: changes after it may have been removed by
 * retention, so continuing from it could skip some silently. {@code oldestCursor} is the
 * newest removed entry's: the oldest cursor from which everything still kept follows.
 */
final class CursorExpiredException extends RollcallException {

	private final String oldestCursor;

	/**
	 * @param floor the stream id of the newest entry retention removed
	 */
	CursorExpiredException(String floor) {
		super(ErrorCode.CURSOR_EXPIRED, "the cursor is older than the change log keeps; resynchronise, then "
				+ "continue after extensions.oldestCursor");
		this.oldestCursor = ChangeCursor.encode(floor);
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("oldestCursor", oldestCursor);
	}

}
