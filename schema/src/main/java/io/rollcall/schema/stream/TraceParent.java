package io.rollcall.schema.stream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The W3C trace context of the request that wrote a stream entry, in the
 * {@code traceparent} header's format
 * (<a href="https://www.w3.org/TR/trace-context/#traceparent-header">version 00</a>):
 * {@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>}. The api writes it,
 * the indexer continues the trace when it applies the entry.
 *
 * @param traceId the trace's id, 32 lowercase hex digits
 * @param spanId the id of the span that wrote the entry, 16 lowercase hex digits
 * @param sampled whether that trace is being recorded
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

	private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

	private static final String INVALID_TRACE_ID = "0".repeat(32);

	private static final String INVALID_SPAN_ID = "0".repeat(16);

	/**
	 * Reads a {@code traceparent} value; empty when there is none or it is not a valid
	 * version-00 value (all-zero ids are invalid), so an odd value never fails the entry.
	 */
	public static Optional<TraceParent> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		Matcher matcher = FORMAT.matcher(value);
		if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE_ID)
				|| matcher.group(2).equals(INVALID_SPAN_ID)) {
			return Optional.empty();
		}
		boolean sampled = (Integer.parseInt(matcher.group(3), 16) & 1) == 1;
		return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), sampled));
	}

	/**
	 * A trace context from its parts; empty when they are not valid ids (a disabled
	 * tracer's context has empty ones).
	 */
	public static Optional<TraceParent> of(String traceId, String spanId, boolean sampled) {
		return parse("00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00"));
	}

	/** The {@code traceparent} value. */
	@Override
	public String toString() {
		return "00-" + this.traceId + "-" + this.spanId + (this.sampled ? "-01" : "-00");
	}

}
