package io.rollcall.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scenario a, the baseline: the dataset bulk-indexed straight into a scratch index with
 * the events template (same mapping, ids, tenant routing and external versioning as the
 * indexer's upserts), 5,000-document bulks from 2 concurrent clients, until refreshed.
 * The scratch index is deleted afterwards.
 */
final class RawBulk {

	static final int BULK_SIZE = 5_000;

	static final int CLIENTS = 2;

	private final String elasticsearchUrl;

	private final DirectElasticsearch direct;

	private final String index;

	RawBulk(String elasticsearchUrl, DirectElasticsearch direct, IndexNames indices) {
		this.elasticsearchUrl = elasticsearchUrl;
		this.direct = direct;
		// Matches the events template's pattern (<prefix>-events*), so the mapping is the
		// same.
		this.index = indices.events() + "-bench-raw";
	}

	Throughput run(Dataset dataset) {
		try (Rest5Client rest = Rest5Client.builder(URI.create(this.elasticsearchUrl)).build()) {
			ElasticsearchClient client = new ElasticsearchClient(
					new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
			warmUp(client, dataset);
			client.indices().create((create) -> create.index(this.index));
			long start = System.nanoTime();
			Parallel.run(CLIENTS, dataset.batches(BULK_SIZE), (batch) -> bulk(client, batch));
			this.direct.refresh(this.index);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			this.direct.awaitCount(this.index, Tenant.DEMO, dataset.big().events().size(), Duration.ZERO);
			this.direct.awaitCount(this.index, Tenant.OTHER, dataset.small().events().size(), Duration.ZERO);
			this.direct.deleteIndex(this.index);
			return new Throughput(dataset.size(), elapsed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Bulk-indexes the small tenant into a throw-away index first: the node has just
	 * started, and its first bulks run on code the JIT has not compiled yet, which the
	 * end-to-end phase, running later, would not pay.
	 */
	private void warmUp(ElasticsearchClient client, Dataset dataset) throws IOException {
		String warmUp = this.index + "-warmup";
		client.indices().create((create) -> create.index(warmUp));
		List<Dataset.Batch> small = dataset.batches(BULK_SIZE)
			.stream()
			.filter((batch) -> batch.tenant() == Tenant.OTHER)
			.toList();
		Parallel.run(CLIENTS, small, (batch) -> bulk(client, warmUp, batch));
		this.direct.deleteIndex(warmUp);
	}

	private void bulk(ElasticsearchClient client, Dataset.Batch batch) {
		bulk(client, this.index, batch);
	}

	private void bulk(ElasticsearchClient client, String index, Dataset.Batch batch) {
		String tenantId = batch.tenant().id();
		Instant now = Instant.now();
		List<BulkOperation> operations = batch.events()
			.stream()
			.map((event) -> operation(index, tenantId, event, now))
			.toList();
		try {
			BulkResponse response = client.bulk((bulk) -> bulk.operations(operations));
			if (response.errors()) {
				throw new IllegalStateException("raw bulk had item errors, e.g. " + response.items()
					.stream()
					.filter((item) -> item.error() != null)
					.findFirst()
					.map((item) -> item.error().reason())
					.orElse("?"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BulkOperation operation(String index, String tenantId, InteractionEvent event, Instant ingestedAt) {
		return BulkOperation.of((operation) -> operation.index((request) -> request.index(index)
			.id(EventDocument.id(tenantId, event.eventId()))
			.routing(tenantId)
			.version(event.effectiveRevision())
			.versionType(VersionType.External)
			.document(EventDocument.source(tenantId, event, ingestedAt))));
	}

}
