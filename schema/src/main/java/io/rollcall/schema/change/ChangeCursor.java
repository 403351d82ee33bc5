package io.rollcall.schema.change;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque cursor of a change log entry: its Redis stream id, which grows in log order,
 * wrapped so that clients do not come to depend on its form. Any api replica resumes from
 * it: the log, not the replica, holds the position.
 */
public final class ChangeCursor {

	private static final String VERSION = "c1:";

	private static final Pattern STREAM_ID = Pattern.compile("\\d{1,19}-\\d{1,19}");

	private ChangeCursor() {
	}

	/** The cursor of the entry with stream id {@code streamId}. */
	public static String encode(String streamId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((VERSION + streamId).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The stream id inside {@code cursor}.
	 * @throws IllegalArgumentException when {@code cursor} is not one this class made
	 */
	public static String decode(String cursor) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a change cursor");
		}
		if (!text.startsWith(VERSION) || !STREAM_ID.matcher(text.substring(VERSION.length())).matches()) {
			throw new IllegalArgumentException("not a change cursor");
		}
		return text.substring(VERSION.length());
	}

	/** Compares two stream ids in log order. */
	public static int compare(String streamId, String other) {
		int dash = streamId.indexOf('-');
		int otherDash = other.indexOf('-');
		int byTime = Long.compareUnsigned(Long.parseUnsignedLong(streamId, 0, dash, 10),
				Long.parseUnsignedLong(other, 0, otherDash, 10));
		return byTime != 0 ? byTime
				: Long.compareUnsigned(Long.parseUnsignedLong(streamId, dash + 1, streamId.length(), 10),
						Long.parseUnsignedLong(other, otherDash + 1, other.length(), 10));
	}

}
