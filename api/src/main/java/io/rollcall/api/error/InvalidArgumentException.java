package io.rollcall.api.error;

import java.util.Map;

/**
 * A query argument is malformed or out of range: {@code BAD_USER_INPUT} with
 * {@code extensions.argument} naming it (e.g. {@code first}, {@code after},
 * {@code range}), so a client can point at the field to fix.
 */
public final class InvalidArgumentException extends RollcallException {

	private final String argument;

	public InvalidArgumentException(String argument, String problem) {
		super(ErrorCode.BAD_USER_INPUT, argument + " " + problem);
		this.argument = argument;
	}

	public String argument() {
		return argument;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("argument", argument);
	}

}
