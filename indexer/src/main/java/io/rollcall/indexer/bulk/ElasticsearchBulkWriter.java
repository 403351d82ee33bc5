package io.rollcall.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.indexer.retry.TransientFailures;
import io.rollcall.indexer.retry.TransientItemsException;
import io.rollcall.platform.UnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends bulk requests and reads every item's result; each attempt sends only the items
 * that failed transiently (429, 5xx) before, or all of them again when the request failed
 * in transport, under the {@link Retrier}'s policy. Items Elasticsearch refuses for good
 * come back {@link ItemResult.Outcome#REJECTED} for the caller to dead-letter; version
 * conflicts come back {@link ItemResult.Outcome#ALREADY_APPLIED}. The rest of a bulk
 * always lands: one bad item never holds back the others.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/api/doc/elasticsearch/operation/operation-bulk">bulk API:
 * per-item results</a>
 */
@Component
class ElasticsearchBulkWriter implements BulkWriter {

	private final ElasticsearchClient client;

	private final Retrier retrier;

	ElasticsearchBulkWriter(ElasticsearchClient client, Retrier retrier) {
		this.client = client;
		this.retrier = retrier;
	}

	@Override
	public List<ItemResult> write(String operation, List<BulkOperation> operations) {
		if (operations.isEmpty()) {
			return List.of();
		}
		Attempts attempts = new Attempts(operations);
		try {
			retrier.call(operation, attempts::next);
		}
		catch (UnavailableException e) {
			attempts.giveUp(e.getCause() == null ? e.getMessage() : e.getCause().toString());
		}
		return Arrays.asList(attempts.results);
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
		if (TransientFailures.isTransientStatus(item.status())) {
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

	/** The results of one bulk so far, and the items still waiting for theirs. */
	private final class Attempts {

		private final List<BulkOperation> operations;

		private final ItemResult[] results;

		private List<Integer> pending = new ArrayList<>();

		Attempts(List<BulkOperation> operations) {
			this.operations = operations;
			this.results = new ItemResult[operations.size()];
			for (int i = 0; i < operations.size(); i++) {
				pending.add(i);
			}
		}

		/**
		 * Sends the pending items; throws {@link TransientItemsException} when some of
		 * them failed transiently, so that the retrier sends those again.
		 */
		Void next() throws IOException {
			List<BulkOperation> batch = pending.stream().map(operations::get).toList();
			BulkResponse response = client.bulk(bulk -> bulk.operations(batch));
			List<Integer> retry = new ArrayList<>();
			String lastError = null;
			List<BulkResponseItem> items = response.items();
			for (int i = 0; i < items.size(); i++) {
				ItemResult result = classify(items.get(i));
				if (result == null) {
					retry.add(pending.get(i));
					lastError = describe(items.get(i).error());
				}
				else {
					results[pending.get(i)] = result;
				}
			}
			pending = retry;
			if (!retry.isEmpty()) {
				throw new TransientItemsException(retry.size(), lastError);
			}
			return null;
		}

		/** The items still pending stay unavailable. */
		void giveUp(String lastError) {
			pending.forEach(index -> results[index] = ItemResult.unavailable(lastError));
		}

	}

}
