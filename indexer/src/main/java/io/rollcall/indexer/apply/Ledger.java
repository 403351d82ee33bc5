package io.rollcall.indexer.apply;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.indexer.deadletter.DeadLetter;
import io.rollcall.indexer.deadletter.DeadLetters;
import io.rollcall.platform.observability.TenantTags;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the results of items are written down for everyone: each counted in
 * {@code rollcall.ingest.events} by kind ({@code events} for interaction events,
 * {@code contacts}, {@code programs}, {@code removals}), outcome and (bounded) tenant,
 * each refused one set aside as a dead letter. Opens the {@link Tally} of each batch.
 */
@Component
class Ledger {

	/**
	 * Writes a dead-lettered item as the entry carried it: the api wrote the entry by
	 * serializing the same record with Jackson's defaults.
	 */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DeadLetters deadLetters;

	private final MeterRegistry registry;

	private final TenantTags tenants;

	Ledger(DeadLetters deadLetters, MeterRegistry registry, TenantTags tenants) {
		this.deadLetters = deadLetters;
		this.registry = registry;
		this.tenants = tenants;
	}

	Tally open() {
		return new Tally(this);
	}

	void count(String kind, String tenantId, String outcome) {
		registry
			.counter("rollcall.ingest.events", "kind", kind, "outcome", outcome, TenantTags.TAG, tenants.of(tenantId))
			.increment();
	}

	void deadLetter(DecodedEntry entry, Object item, String reason) {
		deadLetters.add(new DeadLetter(entry.tenantId(), entry.streamId(), entry.header().kind().name(), reason,
				JSON.writeValueAsString(item)));
	}

	void deadLetter(DeadLetter letter) {
		deadLetters.add(letter);
	}

}
