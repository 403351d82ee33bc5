package io.rollcall.bench;

import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated data: a big tenant shaped like issue #4's target (4,000 reps x 55 lessons
 * for 2M events; reps scale with {@code --events}) and a small second tenant with 1/50 of
 * its reps. Generated in memory on every run, never stored.
 */
record Dataset(GeneratedTenant big, GeneratedTenant small) {

	static final int LESSONS = 55;

	/**
	 * 4.5-minute videos (18 segments of 15 s) and 3-question quizzes: with 55 lessons,
	 * about 500 events per rep, so 4,000 reps make about 2M events.
	 */
	static final int SEGMENTS_PER_VIDEO = 18;

	static final int QUESTIONS_PER_QUIZ = 3;

	static final int EVENTS_PER_REP = 500;

	private static final long SEED = 4;

	static Dataset generate(int targetEvents) {
		int reps = Math.max(10, Math.round(targetEvents / (float) EVENTS_PER_REP));
		return new Dataset(tenant(Tenant.DEMO, reps), tenant(Tenant.OTHER, Math.max(5, reps / 50)));
	}

	private static GeneratedTenant tenant(Tenant tenant, int reps) {
		return EventGenerator.withSeed(SEED)
			.reps(reps)
			.teams(Math.max(1, reps / 100))
			.programs(1)
			.lessonsPerProgram(LESSONS)
			.segmentsPerVideo(SEGMENTS_PER_VIDEO)
			.questionsPerQuiz(QUESTIONS_PER_QUIZ)
			.generate(tenant.id());
	}

	long size() {
		return (long) big.events().size() + small.events().size();
	}

	/**
	 * Both tenants' events cut into batches of at most {@code size}, never mixing
	 * tenants.
	 */
	List<Batch> batches(int size) {
		List<Batch> batches = new ArrayList<>();
		add(batches, Tenant.DEMO, big.events(), size);
		add(batches, Tenant.OTHER, small.events(), size);
		return batches;
	}

	private static void add(List<Batch> batches, Tenant tenant, List<InteractionEvent> events, int size) {
		for (int from = 0; from < events.size(); from += size) {
			batches.add(new Batch(tenant, events.subList(from, Math.min(events.size(), from + size))));
		}
	}

	/**
	 * {@code count} new events shaped like {@code template}'s, from its event
	 * {@code from} on (cycling), with fresh ids {@code <prefix><n>}: live traffic for a
	 * tenant whose reps, programs and lessons already exist.
	 */
	static List<InteractionEvent> copies(List<InteractionEvent> template, String prefix, long from, int count) {
		List<InteractionEvent> copies = new ArrayList<>(count);
		for (long n = from; n < from + count; n++) {
			InteractionEvent t = template.get((int) (n % template.size()));
			copies.add(new InteractionEvent(prefix + n, t.contactId(), t.programId(), t.lessonId(), t.type(),
					t.occurredAt(), t.segment(), t.questionId(), t.correct(), t.score(), t.revision(), t.attributes()));
		}
		return copies;
	}

	String describe() {
		return String.format(java.util.Locale.ROOT,
				"tenant %s: %,d events, %,d reps x %d lessons; tenant %s: %,d events, %,d reps", big.tenantId(),
				big.events().size(), big.contacts().size(), LESSONS, small.tenantId(), small.events().size(),
				small.contacts().size());
	}

	/** Events of one tenant sent or bulk-indexed together. */
	record Batch(Tenant tenant, List<InteractionEvent> events) {
	}

}
