package io.rollcall.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import org.junit.jupiter.api.Test;

class ElasticsearchBulkWriterTests {

	@Test
	void aWrittenItemIsApplied() {
		assertThat(ElasticsearchBulkWriter.classify(item(OperationType.Index, 201, null, "created")).outcome())
			.isEqualTo(ItemResult.Outcome.APPLIED);
	}

	@Test
	void aVersionConflictMeansAlreadyApplied() {
		assertThat(ElasticsearchBulkWriter
			.classify(item(OperationType.Index, 409, "version_conflict_engine_exception", null))
			.outcome()).isEqualTo(ItemResult.Outcome.ALREADY_APPLIED);
	}

	@Test
	void rejectionsAndUnavailableShardsAreRetried() {
		assertThat(ElasticsearchBulkWriter
			.classify(item(OperationType.Index, 429, "es_rejected_execution_exception", null))).isNull();
		assertThat(
				ElasticsearchBulkWriter.classify(item(OperationType.Index, 503, "unavailable_shards_exception", null)))
			.isNull();
	}

	@Test
	void aMappingErrorIsRejectedWithItsTypeAndReason() {
		ItemResult result = ElasticsearchBulkWriter
			.classify(item(OperationType.Index, 400, "document_parsing_exception", null));

		assertThat(result.outcome()).isEqualTo(ItemResult.Outcome.REJECTED);
		assertThat(result.reason()).startsWith("document_parsing_exception: ");
	}

	@Test
	void deletingWhatIsAlreadyGoneIsNotFound() {
		assertThat(ElasticsearchBulkWriter.classify(item(OperationType.Delete, 404, null, "not_found")).outcome())
			.isEqualTo(ItemResult.Outcome.NOT_FOUND);
	}

	private static BulkResponseItem item(OperationType type, int status, String errorType, String result) {
		return BulkResponseItem.of(item -> {
			item.operationType(type).index("events").id("t/e").status(status).result(result);
			if (errorType != null) {
				item.error(error -> error.type(errorType).reason("because"));
			}
			return item;
		});
	}

}
