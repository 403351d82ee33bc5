package io.rollcall.api.changes;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import io.rollcall.schema.change.ChangeCursor;
import java.util.Map;

/**
 * A subscriber fell further behind than its buffer holds. It is ended rather than let
 * grow without bound or silently skip: everything up to {@code lastCursor} is sent before
 * this error, and the log still holds the rest.
 */
final class SlowConsumerException extends RollcallException {

	private final String lastCursor;

	/**
	 * @param lastStreamId the stream id of the last change sent before this error
	 */
	SlowConsumerException(String lastStreamId, int buffer) {
		super(ErrorCode.SLOW_CONSUMER, "the subscriber fell more than " + buffer
				+ " changes behind; resubscribe with after: extensions.lastCursor");
		this.lastCursor = ChangeCursor.encode(lastStreamId);
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("lastCursor", lastCursor);
	}

}
