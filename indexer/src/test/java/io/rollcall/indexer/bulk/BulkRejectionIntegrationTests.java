package io.rollcall.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.indexer.IndexerHarness;
import io.rollcall.schema.stream.EntryKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch answering 429 (es_rejected_execution_exception): a node of its own with a
 * write thread pool of one thread and a queue of one, fed by three replicas at once,
 * rejects shard-level bulk requests. Redis is the shared devstack's.
 */
@DevStackTest
class BulkRejectionIntegrationTests {

	private static final List<String> TENANTS = List.of("acme", "globex", "initech");

	private static final int ENTRIES_PER_TENANT = 20;

	private static final int EVENTS_PER_ENTRY = 250;

	private static ElasticsearchNode node;

	@BeforeAll
	static void startNode() {
		node = ElasticsearchNode.start(ElasticsearchOptions.temporary()
			.withHeap("512m")
			.withSetting("thread_pool.write.size", "1")
			.withSetting("thread_pool.write.queue_size", "1"));
	}

	@AfterAll
	static void closeNode() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	void bulksRejectedWith429AreRetriedAndEveryEventLandsOnce(DevStack stack) {
		List<IndexerHarness> replicas = new ArrayList<>();
		try {
			for (int replica = 0; replica < 3; replica++) {
				Map<String, String> properties = new HashMap<>();
				properties.put("rollcall.elasticsearch.url", node.url());
				properties.put("rollcall.indexer.batch.max-items", "500");
				properties.put("rollcall.indexer.consumer-name", "replica-" + replica);
				replicas.add(IndexerHarness.start(stack, properties));
			}
			IndexerHarness first = replicas.getFirst();
			for (int entry = 0; entry < ENTRIES_PER_TENANT; entry++) {
				for (String tenant : TENANTS) {
					first.send(EntryKind.EVENTS, tenant,
							IndexerHarness.smsEvents("ev-" + entry, "c" + entry % 5, EVENTS_PER_ENTRY));
				}
			}

			int perTenant = ENTRIES_PER_TENANT * EVENTS_PER_ENTRY;
			await().atMost(Duration.ofSeconds(90))
				.ignoreExceptions()
				.until(() -> first.pendingCount() == 0
						&& TENANTS.stream().allMatch(tenant -> first.countEvents(tenant) == perTenant));
			for (String tenant : TENANTS) {
				assertThat(first.countEvents(tenant)).isEqualTo(perTenant);
				assertThat(first.revisionSum(tenant))
					.isEqualTo(ENTRIES_PER_TENANT * IndexerHarness.smsRevisionSum(EVENTS_PER_ENTRY));
			}
			double retries = replicas.stream()
				.mapToDouble(replica -> replica.counter("rollcall.indexer.retries"))
				.sum();
			assertThat(retries).as("items and calls retried after a 429").isPositive();
		}
		finally {
			replicas.forEach(IndexerHarness::close);
		}
	}

}
