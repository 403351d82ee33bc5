package io.rollcall.indexer.bulk;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link BulkWriter} for unit tests: it logs every operation ({@code "index <id>"} or
 * {@code "delete <id>"}) in order, and answers each from the results set for it (applied
 * by default).
 */
public final class FakeBulkWriter implements BulkWriter {

	/** Every operation written, in order, interleaved with whatever else a test logs. */
	public final List<String> log;

	private final Map<String, ItemResult> results = new HashMap<>();

	private Consumer<String> onIndex = id -> {
	};

	public FakeBulkWriter(List<String> log) {
		this.log = log;
	}

	/** Answers {@code operation} (as logged) with {@code result}. */
	public FakeBulkWriter answer(String operation, ItemResult result) {
		results.put(operation, result);
		return this;
	}

	/** Runs {@code action} with the document id of each index operation once written. */
	public FakeBulkWriter onIndex(Consumer<String> action) {
		this.onIndex = action;
		return this;
	}

	@Override
	public List<ItemResult> write(String operation, List<BulkOperation> operations) {
		List<ItemResult> answers = new ArrayList<>();
		for (BulkOperation bulkOperation : operations) {
			String id = bulkOperation.isDelete() ? bulkOperation.delete().id() : bulkOperation.index().id();
			String logged = (bulkOperation.isDelete() ? "delete " : "index ") + id;
			log.add(logged);
			answers.add(results.getOrDefault(logged, ItemResult.APPLIED));
			if (bulkOperation.isIndex()) {
				onIndex.accept(id);
			}
		}
		return answers;
	}

}
