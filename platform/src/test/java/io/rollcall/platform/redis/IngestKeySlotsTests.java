package io.rollcall.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import io.rollcall.schema.stream.IngestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keys one script or command uses together share a Redis Cluster slot (a cluster
 * refuses a script over keys of several slots with {@code CROSSSLOT}), and different
 * tenants' keys spread over the cluster.
 */
class IngestKeySlotsTests {

	private final IngestKeys keys = new IngestKeys("rollcall:run-1:");

	@Test
	void aTenantsKeysShareOneSlot() {
		List<String> tenantKeys = List.of(keys.generation("acme"), keys.changeLog("acme"), keys.changeLogFloor("acme"),
				keys.changeLogRemoved("acme"), keys.complianceStatuses("acme", "onboarding"),
				keys.complianceDueSweep("acme", "onboarding", 1_767_225_600_000L));
		assertThat(tenantKeys.stream().map(SlotHash::getSlot).distinct()).containsExactly(SlotHash.getSlot("acme"));
	}

	@Test
	void tenantsSpreadOverSlots() {
		assertThat(List.of("acme", "globex", "initech", "umbrella")
			.stream()
			.map(tenant -> SlotHash.getSlot(keys.changeLog(tenant)))
			.distinct()).hasSize(4);
	}

	@Test
	void aBackfillsKeysShareTheBackfillStreamsSlot() {
		int slot = SlotHash.getSlot(keys.backfillStream());
		assertThat(List
			.of(keys.backfillProgress("acme-2025"), keys.backfillErrors("acme-2025"), keys.backfillProgress("globex-1"))
			.stream()
			.map(SlotHash::getSlot)).containsOnly(slot);
	}

}
