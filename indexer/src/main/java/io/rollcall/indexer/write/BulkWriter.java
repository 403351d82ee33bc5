package io.rollcall.indexer.write;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends bulk requests and reads every item's result, retrying only the items that failed
 * transiently (429, 5xx) or the whole request when it failed in transport. Items
 * Elasticsearch refuses for good come back {@link ItemResult.Outcome#REJECTED} for the
 * caller to dead-letter; version conflicts come back
 * {@link ItemResult.Outcome#ALREADY_APPLIED}. The rest of a bulk always lands: one bad
 * item never holds back the others.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/api/doc/elasticsearch/operation/operation-bulk">bulk API:
 * per-item results</a>
 */
@Component
public class BulkWriter {

	private final ElasticsearchClient client;

	private final Retrier retrier;

	public BulkWriter(ElasticsearchClient client, Retrier retrier) {
		this.client = client;
		this.retrier = retrier;
	}

	/** Applies {@code operations}; the result list is parallel to them. */
	public List<ItemResult> write(String operation, List<BulkOperation> operations) {
		if (operations.isEmpty()) {
			return List.of();
		}
		ItemResult[] results = new ItemResult[operations.size()];
		List<Integer> pending = new ArrayList<>(operations.size());
		for (int i = 0; i < operations.size(); i++) {
			pending.add(i);
		}
		String lastError = "no attempt made";
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			List<Integer> retry = new ArrayList<>();
			try {
				List<BulkOperation> batch = pending.stream().map(operations::get).toList();
				BulkResponse response = client.bulk(bulk -> bulk.operations(batch));
				List<BulkResponseItem> items = response.items();
				for (int i = 0; i < items.size(); i++) {
					BulkResponseItem item = items.get(i);
					ItemResult result = classify(item);
					if (result == null) {
						retry.add(pending.get(i));
						lastError = describe(item.error());
					}
					else {
						results[pending.get(i)] = result;
					}
				}
			}
			catch (IOException | RuntimeException e) {
				if (!Retrier.isTransient(e)) {
					throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
				}
				retry = pending;
				lastError = e.toString();
			}
			if (retry.isEmpty()) {
				break;
			}
			if (attempt >= retrier.maxAttempts()) {
				for (int index : retry) {
					results[index] = new ItemResult(ItemResult.Outcome.UNAVAILABLE, lastError);
				}
				break;
			}
			retrier.retried(operation, retry.size());
			retrier.pause(attempt);
			pending = retry;
		}
		return Arrays.asList(results);
	}

	/**
	 * The item's final result, or {@code null} when it failed transiently and deserves
	 * another attempt.
	 */
	static ItemResult classify(BulkResponseItem item) {
		ErrorCause error = item.error();
		if (error == null) {
			return item.operationType() == OperationType.Delete && "not_found".equals(item.result())
					? ItemResult.NOT_FOUND : ItemResult.APPLIED;
		}
		if (item.status() == 409) {
			return ItemResult.ALREADY_APPLIED;
		}
		if (Retrier.isTransientStatus(item.status())) {
			return null;
		}
		return new ItemResult(ItemResult.Outcome.REJECTED, describe(error));
	}

	private static String describe(ErrorCause error) {
		if (error == null) {
			return "unknown error";
		}
		String reason = error.type() + ": " + error.reason();
		return error.causedBy() == null ? reason : reason + " (caused by " + describe(error.causedBy()) + ")";
	}

}
