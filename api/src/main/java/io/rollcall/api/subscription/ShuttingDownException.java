package io.rollcall.api.subscription;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.util.Map;

/**
 * This api instance is stopping: its subscriptions end with this error so that clients
 * reconnect (to another instance behind the load balancer) and resume.
 */
public final class ShuttingDownException extends RollcallException {

	private final String lastCursor;

	/** A stream without cursors (a live tile): resubscribing sends its current value. */
	public ShuttingDownException() {
		this(null);
	}

	/**
	 * @param lastCursor the cursor of the last change sent (or of where the stream
	 * started): resume with it as {@code after}; {@code null} when there is none
	 */
	public ShuttingDownException(String lastCursor) {
		super(ErrorCode.SHUTTING_DOWN, "this api instance is shutting down; reconnect and resubscribe"
				+ (lastCursor == null ? "" : " with after: extensions.lastCursor"));
		this.lastCursor = lastCursor;
	}

	@Override
	public Map<String, Object> details() {
		return lastCursor == null ? Map.of() : Map.of("lastCursor", lastCursor);
	}

}
