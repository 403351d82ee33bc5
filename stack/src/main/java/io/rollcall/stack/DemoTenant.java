package io.rollcall.stack;

import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Tenant {@code demo} of {@code --demo-data}: reps in teams taking program
 * {@code onboarding}, a month of history, then one step of one rep at a time, now. Each
 * rep works through the catalog's lessons in order: starts a lesson, watches its video in
 * 15-second segments, answers its quiz (mostly right), completes it; many stop somewhere,
 * so the funnel narrows, and the catalog's due date has passed, so whoever has not
 * finished is overdue. The schema's test-jar has a richer generator for tests; the run
 * command ships no test code, hence this small one.
 */
final class DemoTenant {

	static final String PROGRAM = "onboarding";

	static final List<String> LESSONS = IntStream.rangeClosed(1, 12).mapToObj(lesson -> "lesson-" + lesson).toList();

	private static final int SEGMENTS = 8;

	private static final int QUESTIONS = 2;

	private final long seed;

	private final Random random;

	private final List<Contact> contacts;

	/** Per rep: the lessons it has yet to take, and the events of its current lesson. */
	private final List<Rep> reps;

	private DemoTenant(long seed, List<Contact> contacts) {
		this.seed = seed;
		this.random = new Random(seed);
		this.contacts = contacts;
		this.reps = contacts.stream().map(contact -> new Rep(contact.contactId())).toList();
	}

	/**
	 * {@code reps} reps in {@code teams} teams ({@code team-1} ...), the same for a seed.
	 */
	static DemoTenant create(long seed, int reps, int teams) {
		List<Contact> contacts = IntStream.range(0, reps)
			.mapToObj(rep -> new Contact("rep-" + rep, NAMES[rep % NAMES.length] + " " + (rep + 1),
					"rep" + rep + "@demo.example", "team-" + (1 + rep % teams), "manager-" + (1 + rep % teams),
					LocalDate.of(2025, 1 + rep % 12, 1 + rep % 28), 1L))
			.toList();
		return new DemoTenant(seed, contacts);
	}

	List<Contact> contacts() {
		return this.contacts;
	}

	/**
	 * A month of history up to {@code now}: each rep starts at a random time in it and
	 * takes lessons a few hours to a day apart, stopping after a skewed number of them.
	 * An event's id names its rep, lesson and step, the same for a seed whenever the
	 * history is made: loading it again (a restart) stores nothing twice.
	 */
	List<InteractionEvent> history(Instant now) {
		List<InteractionEvent> events = new ArrayList<>();
		Instant monthAgo = now.minus(Duration.ofDays(30));
		for (int index = 0; index < this.reps.size(); index++) {
			// A generator per rep: a rep's steps, and so their ids, do not depend on how
			// far the others got before now.
			Random random = new Random(this.seed * 31 + index);
			Rep rep = this.reps.get(index);
			Instant clock = monthAgo.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
			int lessons = (int) Math.round(LESSONS.size() * Math.sqrt(random.nextDouble()));
			for (int lesson = 0; lesson < lessons && clock.isBefore(now); lesson++) {
				rep.plan(LESSONS.get(lesson), random, true);
				for (int step = 0; !rep.script.isEmpty() && clock.isBefore(now); step++) {
					events.add(rep.script.removeFirst()
						.at(clock, "h-" + rep.contactId + "-" + LESSONS.get(lesson) + "-" + step));
					clock = clock.plusSeconds(30 + random.nextInt(60));
				}
				rep.next = lesson + 1;
				clock = clock.plus(Duration.ofHours(2 + random.nextInt(24)));
			}
			rep.script.clear();
		}
		return events;
	}

	/**
	 * The next event of a random rep that has lessons left, happening {@code now}; empty
	 * once every rep has finished.
	 */
	List<InteractionEvent> step(Instant now) {
		List<Rep> active = this.reps.stream()
			.filter(rep -> rep.next < LESSONS.size() || !rep.script.isEmpty())
			.toList();
		if (active.isEmpty()) {
			return List.of();
		}
		Rep rep = active.get(this.random.nextInt(active.size()));
		if (rep.script.isEmpty()) {
			// A few reps give up on a lesson half-way, as in the history.
			rep.plan(LESSONS.get(rep.next++), this.random, this.random.nextInt(5) > 0);
		}
		return List.of(rep.script.removeFirst().at(now, "live-" + UUID.randomUUID()));
	}

	private static final String[] NAMES = { "Ada", "Ben", "Chloé", "Dev", "Emeka", "Fatima", "Goran", "Hana", "Ines",
			"Jonas", "Kenji", "Lea", "Mateo", "Nia", "Omar", "Priya" };

	private static final class Rep {

		private final String contactId;

		private final Deque<Step> script = new ArrayDeque<>();

		private int next;

		Rep(String contactId) {
			this.contactId = contactId;
		}

		/** The events of taking {@code lessonId}: to its end when {@code completes}. */
		void plan(String lessonId, Random random, boolean completes) {
			this.script.add(new Step(this.contactId, lessonId, EventType.LESSON_STARTED, null, null, null));
			int segments = completes ? SEGMENTS : 1 + random.nextInt(SEGMENTS);
			for (int segment = 0; segment < segments; segment++) {
				this.script.add(new Step(this.contactId, lessonId, EventType.VIDEO_PROGRESS, segment, null, null));
			}
			if (completes) {
				for (int question = 1; question <= QUESTIONS; question++) {
					this.script.add(new Step(this.contactId, lessonId, EventType.QUIZ_ANSWERED, null,
							lessonId + "-q" + question, random.nextInt(10) < 7));
				}
				this.script.add(new Step(this.contactId, lessonId, EventType.LESSON_COMPLETED, null, null, null));
			}
		}

	}

	private record Step(String contactId, String lessonId, EventType type, Integer segment, String questionId,
			Boolean correct) {

		InteractionEvent at(Instant occurredAt, String eventId) {
			return new InteractionEvent(eventId, this.contactId, PROGRAM, this.lessonId, this.type, occurredAt,
					this.segment, this.questionId, this.correct,
					(this.correct == null) ? null : (this.correct ? 100.0 : 0.0), null, Map.of());
		}

	}

}
