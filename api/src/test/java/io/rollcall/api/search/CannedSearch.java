package io.rollcall.api.search;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import io.rollcall.api.isolation.SearchBulkhead;
import jakarta.json.stream.JsonParser;
import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import io.rollcall.platform.elasticsearch.ElasticsearchConnectionProperties;
import io.rollcall.schema.index.IndexNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The door, {@link TenantScopedSearch}, over a client that answers from JSON instead of a
 * cluster, for unit tests of the queries built on it: they see the requests they send
 * (with the tenant's routing and filters, as the door completes them) and read responses
 * written as Elasticsearch writes them ({@code typed_keys}: aggregation names carry their
 * type, e.g. {@code sterms#lessons}). The bulkhead runs every search at once.
 */
public final class CannedSearch {

	/** Index prefix of the door built here. */
	public static final String PREFIX = "test";

	/** The search timeout the door sends. */
	public static final String TIMEOUT = "5000ms";

	/** The client's own mapper, as Spring Boot builds it. */
	static final JsonpMapper MAPPER = new Jackson3JsonpMapper();

	private final Deque<String> responses;

	private final Exception failure;

	private final List<SearchRequest> requests = new ArrayList<>();

	private final TenantScopedSearch search;

	private CannedSearch(List<String> responses, Exception failure) {
		this.responses = new ArrayDeque<>(responses);
		this.failure = failure;
		this.search = new TenantScopedSearch(new CannedClient(), new IndexNames(PREFIX), new SearchProperties(1000),
				immediateBulkhead(),
				new ElasticsearchConnectionProperties(List.of(URI.create("http://127.0.0.1:9200")), PREFIX, null, null,
						null, null, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(7)));
	}

	/**
	 * A door whose searches are answered, in order, by the JSON resources
	 * {@code responses} (relative to {@code base}'s package).
	 */
	public static CannedSearch answering(Class<?> base, String... responses) {
		return new CannedSearch(Arrays.stream(responses).map(name -> resource(base, name)).toList(), null);
	}

	/** A door whose searches are answered, in order, by {@code responses}. */
	public static CannedSearch answeringJson(List<String> responses) {
		return new CannedSearch(responses, null);
	}

	/** A door whose searches all fail with {@code failure} (unchecked or IOException). */
	public static CannedSearch failing(Exception failure) {
		return new CannedSearch(List.of(), failure);
	}

	/** The whole tenant's scope. */
	public static SearchScope tenant(String tenantId) {
		return new SearchScope(tenantId, null);
	}

	/** A scope of a tenant's {@code contactIds} only (a team's reps). */
	public static SearchScope contacts(String tenantId, String... contactIds) {
		return new SearchScope(tenantId, Set.of(contactIds));
	}

	/** The JSON body of {@code request}, as the client sends it. */
	public static String body(SearchRequest request) {
		return JsonpUtils.toJsonString(request, MAPPER);
	}

	/**
	 * Asserts that {@code request}'s body is the JSON resource {@code expected} (relative
	 * to {@code base}'s package): the same fields and values, arrays in the same order.
	 */
	public static void assertBody(SearchRequest request, Class<?> base, String expected) {
		try {
			JSONAssert.assertEquals(resource(base, expected), body(request), JSONCompareMode.STRICT);
		}
		catch (JSONException e) {
			throw new AssertionError("not JSON: " + expected, e);
		}
	}

	/** The text of a resource relative to {@code base}'s package. */
	public static String resource(Class<?> base, String name) {
		try (InputStream in = base.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("no resource " + name + " next to " + base.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public TenantScopedSearch search() {
		return search;
	}

	/** The requests sent so far, in order. */
	public List<SearchRequest> requests() {
		return List.copyOf(requests);
	}

	private static SearchBulkhead immediateBulkhead() {
		SearchBulkhead bulkhead = mock(SearchBulkhead.class);
		try {
			given(bulkhead.call(anyString(), any()))
				.willAnswer(call -> call.<SearchBulkhead.Search<?>>getArgument(1).run());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		given(bulkhead.searchTimeout()).willReturn(TIMEOUT);
		return bulkhead;
	}

	private final class CannedClient extends ElasticsearchClient {

		CannedClient() {
			super(mock(ElasticsearchTransport.class));
		}

		@Override
		public <T> SearchResponse<T> search(SearchRequest request, Class<T> hitType) throws IOException {
			requests.add(request);
			switch (failure) {
				case null -> {
				}
				case IOException io -> throw io;
				case RuntimeException unchecked -> throw unchecked;
				default -> throw new IllegalStateException("cannot throw " + failure);
			}
			String json = responses.poll();
			if (json == null) {
				throw new IllegalStateException("no canned response left for " + body(request));
			}
			return parse(json, hitType);
		}

		private static <T> SearchResponse<T> parse(String json, Class<T> hitType) {
			JsonpDeserializer<SearchResponse<T>> deserializer = SearchResponse
				.createSearchResponseDeserializer(JsonpDeserializer.of(hitType));
			try (JsonParser parser = MAPPER.jsonProvider().createParser(new StringReader(json))) {
				return deserializer.deserialize(parser, MAPPER);
			}
		}

	}

}
