package io.rollcall.api.security;

import io.rollcall.api.error.ApiError;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;

/**
 * A service was reached without a token (a configuration mistake, since the filter chain
 * requires one).
 */
final class NotAuthenticatedException extends RollcallException {

	NotAuthenticatedException() {
		super(ErrorCode.UNAUTHENTICATED, ApiError.UNAUTHENTICATED.message());
	}

}
