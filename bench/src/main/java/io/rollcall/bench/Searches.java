package io.rollcall.bench;

import io.rollcall.schema.index.IndexNames;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends one dashboard query's searches straight to Elasticsearch, one after another, as
 * the gateway sends them: with the tenant's routing and the gateway's search timeout
 * ({@link DirectElasticsearch#search}), and asking again, after its {@code after_key},
 * for a {@code composite} aggregation whose page came back full (the gateway's video
 * drop-off pages its reps 10,000 at a time; with more reps than that, one page would
 * answer a smaller question than the gateway's).
 */
final class Searches {

	private static final String COMPOSITE = "composite#";

	private final DirectElasticsearch elasticsearch;

	private final IndexNames indices;

	private final String searchTimeout;

	private final Duration httpTimeout;

	/**
	 * @param searchTimeout Elasticsearch's {@code timeout} of each search (the gateway's)
	 * @param httpTimeout how long the client waits for each answer
	 */
	Searches(DirectElasticsearch elasticsearch, IndexNames indices, String searchTimeout, Duration httpTimeout) {
		this.elasticsearch = elasticsearch;
		this.indices = indices;
		this.searchTimeout = searchTimeout;
		this.httpTimeout = httpTimeout;
	}

	/**
	 * Sends {@code requests} for {@code tenant}, stopping at the first that fails; the
	 * outcome is the first failure's, else admitted, with every answer (each page).
	 */
	Answers send(Tenant tenant, List<DashboardQuery.Request> requests, Map<String, String> placeholders) {
		List<JsonNode> answers = new ArrayList<>();
		for (DashboardQuery.Request request : requests) {
			String index = request.index().apply(this.indices);
			JsonNode body = JsonHttp.JSON.readTree(request.body(tenant, placeholders));
			while (body != null) {
				JsonNode answer;
				try {
					HttpResponse<String> response = this.elasticsearch.search(index, tenant, body.toString(),
							this.searchTimeout, this.httpTimeout);
					answer = Outcome.parse(response.body());
					Outcome outcome = Outcome.ofSearch(response.statusCode(), answer);
					if (!outcome.admitted()) {
						return new Answers(outcome, answers);
					}
				}
				catch (UncheckedIOException ex) {
					return new Answers(Outcome.unanswered(ex), answers);
				}
				answers.add(answer);
				body = nextPage(body, answer);
			}
		}
		return new Answers(new Outcome(Outcome.Kind.ADMITTED, null, false, 0), answers);
	}

	/**
	 * The request for the next page of the body's composite aggregation when
	 * {@code answer}'s page was full, else {@code null}.
	 */
	static JsonNode nextPage(JsonNode body, JsonNode answer) {
		for (var aggregation : answer.path("aggregations").properties()) {
			if (!aggregation.getKey().startsWith(COMPOSITE)) {
				continue;
			}
			String name = aggregation.getKey().substring(COMPOSITE.length());
			JsonNode composite = body.path("aggregations").path(name).path("composite");
			JsonNode afterKey = aggregation.getValue().path("after_key");
			if (afterKey.isMissingNode()
					|| aggregation.getValue().path("buckets").size() < composite.path("size").asInt(10)) {
				return null;
			}
			JsonNode next = body.deepCopy();
			((ObjectNode) next.path("aggregations").path(name).path("composite")).set("after", afterKey);
			return next;
		}
		return null;
	}

	/**
	 * What a query's searches got.
	 *
	 * @param outcome the first failure, else admitted
	 * @param pages every answer, in order (a paged request's pages one after another)
	 */
	record Answers(Outcome outcome, List<JsonNode> pages) {

		/** The answers, or an exception naming {@code query} when one failed. */
		List<JsonNode> orThrow(String query) {
			if (!this.outcome.admitted()) {
				throw new IllegalStateException(query + " straight to Elasticsearch failed: " + this.outcome.code());
			}
			return this.pages;
		}

	}

}
