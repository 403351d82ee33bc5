package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lettuce.core.StreamMessage;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.StreamEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The batch span on the OpenTelemetry SDK the applications use. */
class BatchContextTests {

	private static final String FIRST = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final String SECOND = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private final List<SpanData> finished = new ArrayList<>();

	private final SdkTracerProvider provider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {

			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				finished.addAll(spans);
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}

		}))
		.build();

	private final BatchContext context = new BatchContext(
			new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {
			}));

	@AfterEach
	void close() {
		provider.close();
	}

	@Test
	void theBatchContinuesTheFirstWritersTraceAndLinksTheOthers() {
		List<String> seen = new ArrayList<>();

		String result = context.run("live",
				List.of(entry("1-0", "acme", null), entry("2-0", "globex", FIRST), entry("3-0", "acme", SECOND)),
				() -> {
					seen.add(MDC.get(BatchContext.TENANT));
					return "applied";
				});

		assertThat(result).isEqualTo("applied");
		assertThat(seen).containsExactly("acme,globex");
		assertThat(MDC.get(BatchContext.TENANT)).as("cleared after the batch").isNull();
		SpanData span = finished.getFirst();
		assertThat(span.getName()).isEqualTo(BatchContext.SPAN_NAME);
		assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(span.getLinks()).extracting(LinkData::getSpanContext)
			.extracting(SpanContext::getTraceId, SpanContext::getSpanId)
			.containsExactly(tuple("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
	}

	@Test
	void entriesWithoutTraceContextGetATraceOfTheirOwn() {
		context.run("backfill", List.of(entry("1-0", "acme", null)), () -> null);

		SpanData span = finished.getFirst();
		assertThat(span.getParentSpanContext().isValid()).isFalse();
		assertThat(span.getLinks()).isEmpty();
	}

	@Test
	void manyTenantsAreNamedUpToTheLimit() {
		List<Map<String, String>> entries = List.of("f", "e", "d", "c", "b", "a", "g")
			.stream()
			.map(tenant -> Map.of("tenant", tenant))
			.toList();

		assertThat(BatchContext.tenants(entries)).isEqualTo("a,b,c,d,e,+2");
	}

	private static StreamMessage<String, String> entry(String id, String tenant, String traceparent) {
		return new StreamMessage<>("ingest", id,
				new StreamEntry(EntryKind.EVENTS, tenant, null, Instant.EPOCH, 1, "[]", traceparent).toFields());
	}

}
