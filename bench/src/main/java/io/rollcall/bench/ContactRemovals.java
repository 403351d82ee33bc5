package io.rollcall.bench;

import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.InteractionEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scenario d: {@code DELETE /v1/contacts/{id}} of the big tenant's reps with about 500
 * events each, one after another; the call returns only when the rep and its events are
 * gone. Afterwards the removed reps must have no searchable event left.
 */
final class ContactRemovals {

	/** The event count of the reps to remove: issue #3's "500-event contact". */
	static final int TARGET_EVENTS = 500;

	private final BenchStack stack;

	private final JsonHttp http;

	private final DirectElasticsearch direct;

	ContactRemovals(BenchStack stack, JsonHttp http, DirectElasticsearch direct) {
		this.stack = stack;
		this.http = http;
		this.direct = direct;
	}

	Result run(Dataset dataset, int removals) {
		List<Map.Entry<String, Long>> chosen = choose(dataset.big().events(), removals);
		String token = this.stack.token(Tenant.DEMO);
		List<Duration> samples = new ArrayList<>();
		for (Map.Entry<String, Long> contact : chosen) {
			long start = System.nanoTime();
			JsonHttp.ok(this.http.delete(
					this.stack.api("v1/contacts/" + URLEncoder.encode(contact.getKey(), StandardCharsets.UTF_8)),
					token));
			samples.add(Duration.ofNanos(System.nanoTime() - start));
		}
		long left = this.direct.count(this.stack.indices().events(), Tenant.DEMO,
				Map.of("terms", Map.of(EventDocument.CONTACT_ID, chosen.stream().map(Map.Entry::getKey).toList())));
		if (left != 0) {
			throw new IllegalStateException(left + " events of removed contacts are still searchable");
		}
		double meanEvents = chosen.stream().mapToLong(Map.Entry::getValue).average().orElse(0);
		return new Result(Latencies.of(samples), meanEvents);
	}

	/**
	 * The {@code count} reps whose event counts are closest to {@link #TARGET_EVENTS},
	 * ties broken by id so a run is repeatable.
	 */
	static List<Map.Entry<String, Long>> choose(List<InteractionEvent> events, int count) {
		Map<String, Long> perContact = events.stream()
			.collect(Collectors.groupingBy(InteractionEvent::contactId, TreeMap::new, Collectors.counting()));
		List<Map.Entry<String, Long>> chosen = perContact.entrySet()
			.stream()
			.sorted(java.util.Comparator
				.comparingLong((Map.Entry<String, Long> entry) -> Math.abs(entry.getValue() - TARGET_EVENTS))
				.thenComparing(Map.Entry::getKey))
			.limit(count)
			.toList();
		if (chosen.size() < count) {
			throw new IllegalStateException("the dataset has only " + chosen.size() + " reps; " + count + " wanted");
		}
		return chosen;
	}

	/** Removal latencies and how many events the removed reps had on average. */
	record Result(Latencies latencies, double meanEventsPerContact) {
	}

}
