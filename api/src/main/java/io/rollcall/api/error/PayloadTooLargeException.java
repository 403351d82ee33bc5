package io.rollcall.api.error;

import org.springframework.util.unit.DataSize;

/** The request body is over the configured limit (HTTP 413). */
public final class PayloadTooLargeException extends RollcallException {

	public PayloadTooLargeException(DataSize limit) {
		super(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + limit.toKilobytes() + " KB");
	}

}
