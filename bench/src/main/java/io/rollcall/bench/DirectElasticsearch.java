package io.rollcall.bench;

import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.index.IndexNames;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Requests the benchmark sends straight to its Elasticsearch node, over {@link JsonHttp}.
 */
final class DirectElasticsearch {

	private static final Duration POLL = Duration.ofMillis(100);

	private final JsonHttp http;

	private final URI base;

	DirectElasticsearch(JsonHttp http, String url) {
		this.http = http;
		this.base = URI.create(url + "/");
	}

	/** Searchable events of {@code tenant} in {@code index} (after the last refresh). */
	long count(String index, Tenant tenant) {
		return count(index, tenant, Map.of("match_all", Map.of()));
	}

	/**
	 * Searchable documents of {@code tenant} in {@code index} that match {@code filter}.
	 */
	long count(String index, Tenant tenant, Map<String, Object> filter) {
		String body = JsonHttp.JSON.writeValueAsString(Map.of("query", Map.of("bool",
				Map.of("filter", List.of(Map.of("term", Map.of(EventDocument.TENANT_ID, tenant.id())), filter)))));
		return JsonHttp
			.json(this.http.post(uri(index + "/_count?routing=" + encode(tenant.id())), null, "application/json", body))
			.get("count")
			.asLong();
	}

	/**
	 * Polls {@link #count} until it reaches {@code expected}; fails after
	 * {@code timeout}.
	 */
	void awaitCount(String index, Tenant tenant, long expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long count;
		while ((count = count(index, tenant)) < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(index + " holds " + count + " events of " + tenant.id() + ", expected "
						+ expected + " within " + timeout);
			}
			pause(POLL);
		}
		if (count != expected) {
			throw new IllegalStateException(
					index + " holds " + count + " events of " + tenant.id() + ", expected exactly " + expected);
		}
	}

	/**
	 * A search with the tenant's routing and the options {@code TenantScopedSearch} sets,
	 * its search {@code timeout} included, and {@code typed_keys}, which the Java client
	 * adds to every search; the caller checks the response.
	 * @param timeout Elasticsearch's {@code timeout} of the search, e.g. {@code 5000ms}
	 * @param httpTimeout how long the client waits for the answer
	 */
	HttpResponse<String> search(String index, Tenant tenant, String body, String timeout, Duration httpTimeout) {
		return this.http.post(
				uri(index + "/_search?routing=" + encode(tenant.id())
						+ "&ignore_unavailable=true&allow_no_indices=true&typed_keys=true&timeout=" + encode(timeout)),
				null, "application/json", body, httpTimeout);
	}

	/**
	 * {@code GET /_cluster/health}: the cheapest answer the node gives (the devstack node
	 * has no {@code GET /}), no search.
	 */
	HttpResponse<String> health() {
		return this.http.get(uri("_cluster/health"));
	}

	void refresh(String index) {
		JsonHttp.ok(this.http.post(uri(index + "/_refresh"), null, "application/json", ""));
	}

	void putSettings(String indices, Map<String, Object> settings) {
		JsonHttp.ok(this.http.put(uri(indices + "/_settings"), JsonHttp.JSON.writeValueAsString(settings)));
	}

	/**
	 * Turns the shard request cache off on Rollcall's indices: in production every
	 * refresh empties it while any tenant writes, so a benchmark that reads an idle shard
	 * would otherwise measure cache hits.
	 */
	void disableRequestCache(IndexNames indices) {
		putSettings(indices.prefix() + "-*",
				Map.of("index", Map.of("requests", Map.of("cache", Map.of("enable", false)))));
	}

	/**
	 * The on-disk size of Rollcall's indices, e.g. {@code rollcall-events 1,234.5 MiB,
	 * rollcall-progress 5.0 MiB}: what a data set of this size needs.
	 */
	String storeSizes(IndexNames indices) {
		JsonNode rows = JsonHttp.json(this.http
			.get(uri("_cat/indices/" + indices.prefix() + "-*?format=json&bytes=b&h=index,store.size&s=index")));
		List<String> sizes = new ArrayList<>();
		for (JsonNode row : rows) {
			sizes.add(String.format(Locale.ROOT, "%s %,.1f MiB", row.path("index").asString(),
					row.path("store.size").asLong() / (1024.0 * 1024)));
		}
		return String.join(", ", sizes);
	}

	void deleteIndex(String index) {
		JsonHttp.ok(this.http.delete(uri(index), null));
	}

	private URI uri(String path) {
		return this.base.resolve(path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
