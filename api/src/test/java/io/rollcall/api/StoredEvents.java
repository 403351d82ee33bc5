package io.rollcall.api;

import io.rollcall.devstack.junit.DevStack;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What Elasticsearch holds for the fault tests, read around the applications through
 * whichever node runs: a tenant's events, their revisions, where its shard's primary is.
 */
final class StoredEvents {

	private final DevStack stack;

	private final String events;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	StoredEvents(DevStack stack) {
		this.stack = stack;
		this.events = new IndexNames(stack.indexPrefix()).events();
	}

	/**
	 * {@code events} with revisions 1, 2, 3, 1, 2, 3...: written, then counted and summed
	 * back, they prove each event stored exactly once in its own revision.
	 */
	static List<InteractionEvent> revised(List<InteractionEvent> events) {
		List<InteractionEvent> revised = new ArrayList<>(events.size());
		for (InteractionEvent event : events) {
			revised.add(new InteractionEvent(event.eventId(), event.contactId(), event.programId(), event.lessonId(),
					event.type(), event.occurredAt(), event.segment(), event.questionId(), event.correct(),
					event.score(), 1L + revised.size() % 3, event.attributes()));
		}
		return revised;
	}

	/** The sum of the revisions of {@code events}. */
	static long revisionSum(List<InteractionEvent> events) {
		return events.stream().mapToLong(InteractionEvent::revision).sum();
	}

	/** The events index's name. */
	String index() {
		return this.events;
	}

	/** The tenant's events, as searchable now. */
	long count(String tenantId) {
		return search(tenantId,
				"{\"size\":0,\"track_total_hits\":true,\"query\":{\"term\":{\"tenant_id\":\"" + tenantId + "\"}}}")
			.path("hits")
			.path("total")
			.path("value")
			.asLong();
	}

	/**
	 * The sum of the tenant's events' revisions: with the count, what proves every event
	 * stored exactly once in its last revision.
	 */
	long revisionSum(String tenantId) {
		return Math.round(search(tenantId,
				"{\"size\":0,\"query\":{\"term\":{\"tenant_id\":\"" + tenantId
						+ "\"}},\"aggs\":{\"revisions\":{\"sum\":{\"field\":\"revision\"}}}}")
			.path("aggregations")
			.path("revisions")
			.path("value")
			.asDouble());
	}

	/** The name of the node holding the primary copy of the tenant's events shard. */
	String primaryNodeOf(String tenantId) {
		JsonNode shards = get("/" + this.events + "/_search_shards?routing=" + tenantId);
		for (JsonNode copy : shards.path("shards").path(0)) {
			if (copy.path("primary").asBoolean()) {
				return shards.path("nodes").path(copy.path("node").asString()).path("name").asString();
			}
		}
		throw new IllegalStateException("no primary for " + tenantId + " in " + shards);
	}

	/** The events index's shards and replicas, as {@code <shards>/<replicas>}. */
	String shardsAndReplicas() {
		JsonNode settings = get("/" + this.events + "/_settings").path(this.events).path("settings").path("index");
		return settings.path("number_of_shards").asString() + "/" + settings.path("number_of_replicas").asString();
	}

	/** The cluster's health as any running node sees it: status and node count. */
	JsonNode health() {
		return get("/_cluster/health");
	}

	private JsonNode search(String tenantId, String body) {
		return send(HttpRequest.newBuilder(uri("/" + this.events + "/_search?routing=" + tenantId))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private JsonNode get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private URI uri(String path) {
		return URI.create(this.stack.elasticsearchUrl() + path);
	}

	private JsonNode send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						response.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return RunningStack.JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
