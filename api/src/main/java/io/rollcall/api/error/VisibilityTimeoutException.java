package io.rollcall.api.error;

import java.time.Duration;

/**
 * A write waited for visibility longer than allowed. The write itself is accepted (it is
 * in the stream) and will be applied: the message says so, because it is the truth the
 * client needs.
 */
public final class VisibilityTimeoutException extends RollcallException {

	public VisibilityTimeoutException(Duration waited, String what) {
		super(ErrorCode.VISIBILITY_TIMEOUT,
				"accepted but not yet visible after " + seconds(waited) + "; the " + what + " will still be applied");
	}

	private static String seconds(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

}
