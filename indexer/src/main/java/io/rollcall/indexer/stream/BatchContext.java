package io.rollcall.indexer.stream;

import io.lettuce.core.StreamMessage;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.rollcall.schema.stream.StreamEntry;
import io.rollcall.schema.stream.TraceParent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/**
 * The trace and logging context in which a consumer loop applies one batch.
 *
 * <p>
 * A batch holds entries of several requests, each written under its own trace (the
 * {@code traceparent} the api put on the entry). The batch gets one span,
 * {@code rollcall.indexer.batch}: it <em>continues</em> the trace of the first entry that
 * carries one, and <em>links</em> to the traces of the others. So a write that was alone
 * in its batch (the usual case unless ingest is busy) is one trace from the api's request
 * to the refresh that made it searchable, and every other write's trace leads, through
 * the link a tracing backend shows, to the batch that applied it. Entries without trace
 * context (written before the field existed, or by the backfill loader) are neither.
 *
 * <p>
 * While the batch runs, the logging context holds its trace and span ids (put there by
 * Micrometer Tracing) and {@code tenant}: the batch's tenants, sorted and
 * comma-separated, at most {@value #MAX_TENANTS} and then {@code +n}.
 */
final class BatchContext {

	static final String SPAN_NAME = "rollcall.indexer.batch";

	/** The logging context key. */
	static final String TENANT = "tenant";

	/** The field of a stream entry that names its tenant (see {@link StreamEntry}). */
	private static final String ENTRY_TENANT = "tenant";

	static final int MAX_TENANTS = 5;

	private final Tracer tracer;

	BatchContext(Tracer tracer) {
		this.tracer = tracer;
	}

	<T> T run(String stream, List<StreamMessage<String, String>> batch, Supplier<T> work) {
		List<Map<String, String>> entries = batch.stream()
			.map(StreamMessage::getBody)
			.filter(Objects::nonNull)
			.toList();
		List<TraceContext> traces = entries.stream()
			.map(StreamEntry::traceParent)
			.flatMap(Optional::stream)
			.map(this::context)
			.toList();
		Span.Builder builder = this.tracer.spanBuilder()
			.name(SPAN_NAME)
			.kind(Span.Kind.CONSUMER)
			.tag("rollcall.stream", stream)
			.tag("rollcall.entries", batch.size());
		if (traces.isEmpty()) {
			builder = builder.setNoParent();
		}
		else {
			builder = builder.setParent(traces.getFirst());
			for (TraceContext other : traces.subList(1, traces.size())) {
				builder = builder.addLink(new Link(other));
			}
		}
		Span span = builder.start();
		try (Tracer.SpanInScope _ = this.tracer.withSpan(span);
				MDC.MDCCloseable _ = MDC.putCloseable(TENANT, tenants(entries))) {
			return work.get();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private TraceContext context(TraceParent parent) {
		return this.tracer.traceContextBuilder()
			.traceId(parent.traceId())
			.spanId(parent.spanId())
			.sampled(parent.sampled())
			.build();
	}

	static String tenants(List<Map<String, String>> entries) {
		List<String> tenants = entries.stream()
			.map(entry -> entry.get(ENTRY_TENANT))
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
		String named = tenants.stream().limit(MAX_TENANTS).collect(Collectors.joining(","));
		return tenants.size() > MAX_TENANTS ? named + ",+" + (tenants.size() - MAX_TENANTS) : named;
	}

}
