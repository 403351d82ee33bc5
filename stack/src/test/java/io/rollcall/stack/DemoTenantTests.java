package io.rollcall.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoTenantTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void historyIsAMonthOfANarrowingFunnelWithRepsLeftToFinish() {
		DemoTenant tenant = DemoTenant.create(15, 300, 6);
		List<InteractionEvent> history = tenant.history(NOW);

		assertThat(tenant.contacts()).hasSize(300);
		assertThat(tenant.contacts().stream().map(contact -> contact.teamId()).distinct()).hasSize(6)
			.contains("team-1");
		assertThat(history).allSatisfy(event -> {
			assertThat(event.occurredAt()).isBetween(NOW.minusSeconds(30 * 86_400), NOW);
			assertThat(event.programId()).isEqualTo(DemoTenant.PROGRAM);
		});
		Map<String, Set<String>> completedBy = history.stream()
			.filter(event -> event.type() == EventType.LESSON_COMPLETED)
			.collect(Collectors.groupingBy(InteractionEvent::lessonId,
					Collectors.mapping(InteractionEvent::contactId, Collectors.toSet())));
		assertThat(completedBy.get("lesson-1").size()).isGreaterThan(completedBy.get("lesson-12").size());
		long finished = completedBy.get("lesson-12").size();
		assertThat(finished).as("some reps have finished, most are overdue").isPositive().isLessThan(150);
		assertThat(history.stream().map(InteractionEvent::eventId).distinct()).hasSize(history.size());
	}

	@Test
	void theSameSeedGivesTheSameHistory() {
		assertThat(DemoTenant.create(15, 50, 6).history(NOW)).isEqualTo(DemoTenant.create(15, 50, 6).history(NOW));
	}

	@Test
	void aLaterLoadOfTheHistoryHasTheSameEventIds() {
		assertThat(DemoTenant.create(15, 50, 6).history(NOW).stream().map(InteractionEvent::eventId))
			.containsExactlyElementsOf(DemoTenant.create(15, 50, 6)
				.history(NOW.plusSeconds(3_600))
				.stream()
				.map(InteractionEvent::eventId)
				.toList());
	}

	@Test
	void stepsAreSingleEventsHappeningNow() {
		DemoTenant tenant = DemoTenant.create(15, 20, 2);
		tenant.history(NOW);
		for (int step = 0; step < 100; step++) {
			List<InteractionEvent> events = tenant.step(NOW);
			assertThat(events).singleElement().satisfies(event -> {
				assertThat(event.occurredAt()).isEqualTo(NOW);
				assertThat(event.eventId()).startsWith("live-");
				assertThat(DemoTenant.LESSONS).contains(event.lessonId());
			});
		}
	}

}
