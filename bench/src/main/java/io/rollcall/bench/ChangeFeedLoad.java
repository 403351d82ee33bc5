package io.rollcall.bench;

import io.rollcall.schema.change.ChangeCursor;
import io.rollcall.schema.event.InteractionEvent;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario h, the change feed (issue #11): {@value #SUBSCRIPTIONS} open {@code changes}
 * subscriptions on the small tenant ({@value #WHOLE_TENANT} on the whole tenant, the rest
 * each on one of {@value #PROGRAMS} programs, {@value #PER_SOCKET} per connection) while
 * new events are written through the api at a steady rate spread over those programs.
 *
 * <ul>
 * <li><b>accept → delivered</b>: for every {@code EVENT_APPLIED} a subscriber receives,
 * from the moment the api answered the write that carried the event (202, accepted) to
 * the moment the message reached the subscriber's socket; one sample per delivery;</li>
 * <li><b>heap per 1,000 subscriptions</b>: the JVM's used heap after a full GC, before
 * the sockets open and once every subscription is live (the api, the indexer and these
 * clients share the benchmark's JVM, so this bounds the api's share from above);</li>
 * <li><b>replay</b>: one subscription from the beginning of the big tenant's change log
 * (the dataset load, logged by the indexer) until it has received the requested number of
 * changes (one million; fewer when the log holds fewer) → changes/s at the client.</li>
 * </ul>
 */
final class ChangeFeedLoad {

	static final int SUBSCRIPTIONS = 1_000;

	static final int WHOLE_TENANT = 10;

	static final int PROGRAMS = 100;

	static final int PER_SOCKET = 20;

	private static final String PROGRAM_PREFIX = "feed-";

	private static final String SUBSCRIPTION = """
			subscription feed($programId: ID) {
			  changes(programId: $programId, kinds: [EVENT_APPLIED]) {
			    cursor contactId programId event { eventId type revision }
			  }
			}""";

	private static final String REPLAY = """
			subscription replay($after: String) { changes(after: $after) { cursor kind } }""";

	/** The message's own id comes first: {@code {"id":"..","type":"next",..}}. */
	private static final Pattern SUBSCRIPTION_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

	private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

	private final BenchStack stack;

	private final JsonHttp http;

	ChangeFeedLoad(BenchStack stack, JsonHttp http) {
		this.stack = stack;
		this.http = http;
	}

	Result run(Dataset dataset, int rate, Duration time, int replay) {
		URI socketUri = URI.create(this.stack.api("graphql").toString().replaceFirst("^http", "ws"));
		String token = this.stack.token(Tenant.OTHER);
		List<InteractionEvent> template = dataset.small().events();
		AtomicInteger next = new AtomicInteger();
		List<List<InteractionEvent>> requests = requests(template, next, rate, time);
		long due = requests.stream().flatMap(List::stream).mapToLong(event -> deliveriesOf(event)).sum();
		long heapBefore = usedHeapAfterGc();
		Deliveries deliveries = new Deliveries(due);
		List<FeedSocket> sockets = new ArrayList<>();
		try {
			for (int s = 0; s < SUBSCRIPTIONS / PER_SOCKET; s++) {
				FeedSocket socket = new FeedSocket(socketUri, token, deliveries::arrived);
				sockets.add(socket);
				for (int i = 0; i < PER_SOCKET; i++) {
					int subscription = s * PER_SOCKET + i;
					socket.subscribe(Integer.toString(subscription), SUBSCRIPTION,
							subscription < WHOLE_TENANT ? Map.of() : Map.of("programId", program(subscription)));
				}
			}
			// Subscriptions without a cursor start "from now on": write one event per
			// program until every subscription has received one; then all are live.
			long liveBy = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
			while (deliveries.subscriptionsServed() < SUBSCRIPTIONS) {
				if (System.nanoTime() > liveBy) {
					throw new IllegalStateException("only " + deliveries.subscriptionsServed() + " of " + SUBSCRIPTIONS
							+ " subscriptions received a change");
				}
				write(token, events(template, next, PROGRAMS, "warm"));
				DirectElasticsearch.pause(Duration.ofMillis(500));
			}
			long heapLive = usedHeapAfterGc();

			Throughput written = traffic(token, requests, deliveries);
			long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
			while (deliveries.measured() < due && System.nanoTime() < deadline) {
				DirectElasticsearch.pause(Duration.ofMillis(100));
			}
			return new Result(written, due, deliveries.measured(), deliveries.latencies(),
					(heapLive - heapBefore) * 1_000 / SUBSCRIPTIONS, replay(socketUri, replay));
		}
		finally {
			sockets.forEach(FeedSocket::close);
		}
	}

	/**
	 * Sends {@code requests} open-loop, 20 a second from 4 clients (a slow answer does
	 * not delay the next request), telling {@code deliveries} when the api accepted each
	 * event.
	 */
	private Throughput traffic(String token, List<List<InteractionEvent>> requests, Deliveries deliveries) {
		long start = System.nanoTime();
		new Pacing(Freshness.REQUESTS_PER_SECOND, 4, requests.size()).run((index, late) -> {
			write(token, requests.get(index));
			deliveries.accepted(requests.get(index), System.nanoTime());
		});
		return new Throughput(requests.stream().mapToLong(List::size).sum(),
				Duration.ofNanos(System.nanoTime() - start));
	}

	private void write(String token, List<InteractionEvent> events) {
		JsonHttp.ok(this.http.post(this.stack.api("v1/events"), token, "application/json",
				JsonHttp.JSON.writeValueAsString(events)));
	}

	/** Replays the big tenant's log from its beginning: changes/s over {@code count}. */
	private Replay replay(URI socketUri, int count) {
		long target = Math.min(count, this.stack.backlog().changeLogLength(Tenant.DEMO));
		AtomicLong received = new AtomicLong();
		long start = System.nanoTime();
		try (FeedSocket socket = new FeedSocket(socketUri, this.stack.token(Tenant.DEMO),
				(text, arrived) -> received.incrementAndGet())) {
			socket.subscribe("replay", REPLAY, Map.of("after", ChangeCursor.encode("0-0")));
			long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
			while (received.get() < target) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("replayed " + received.get() + " of " + target + " changes");
				}
				DirectElasticsearch.pause(Duration.ofMillis(20));
			}
			return new Replay(received.get(), Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/** The measured window's writes: {@code rate} events/s for {@code time}. */
	private static List<List<InteractionEvent>> requests(List<InteractionEvent> template, AtomicInteger next, int rate,
			Duration time) {
		int perRequest = Math.max(1, rate / Freshness.REQUESTS_PER_SECOND);
		long count = time.toSeconds() * Freshness.REQUESTS_PER_SECOND;
		List<List<InteractionEvent>> requests = new ArrayList<>();
		for (long r = 0; r < count; r++) {
			requests.add(events(template, next, perRequest, "live"));
		}
		return requests;
	}

	/** {@code count} new events (fresh ids) cut from the template, over the programs. */
	private static List<InteractionEvent> events(List<InteractionEvent> template, AtomicInteger next, int count,
			String prefix) {
		List<InteractionEvent> events = new ArrayList<>(count);
		for (int e = 0; e < count; e++) {
			int n = next.getAndIncrement();
			InteractionEvent t = template.get(n % template.size());
			events.add(new InteractionEvent(prefix + "-feed-" + n, t.contactId(), PROGRAM_PREFIX + (n % PROGRAMS),
					t.lessonId(), t.type(), t.occurredAt(), t.segment(), t.questionId(), t.correct(), t.score(),
					t.revision(), t.attributes()));
		}
		return events;
	}

	/** The program of subscription {@code subscription} (past the whole-tenant ones). */
	private static String program(int subscription) {
		return PROGRAM_PREFIX + (subscription % PROGRAMS);
	}

	/**
	 * How many subscriptions an event reaches: the whole-tenant ones and its program's.
	 */
	private static long deliveriesOf(InteractionEvent event) {
		long ofProgram = 0;
		for (int s = WHOLE_TENANT; s < SUBSCRIPTIONS; s++) {
			ofProgram += program(s).equals(event.programId()) ? 1 : 0;
		}
		return WHOLE_TENANT + ofProgram;
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * What the subscribers received: which subscriptions got anything, and accept →
	 * delivered for the measured window's events, in an array sized for the deliveries
	 * due (samples arrive on the sockets' threads).
	 */
	private static final class Deliveries {

		private final Map<String, Boolean> served = new ConcurrentHashMap<>();

		private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

		private final long[] samples;

		private final AtomicInteger measured = new AtomicInteger();

		Deliveries(long due) {
			this.samples = new long[Math.toIntExact(due)];
		}

		void accepted(List<InteractionEvent> events, long at) {
			events.forEach(event -> this.acceptedAt.put(event.eventId(), at));
		}

		void arrived(String text, long at) {
			Matcher subscription = SUBSCRIPTION_ID.matcher(text);
			if (subscription.find()) {
				this.served.putIfAbsent(subscription.group(1), Boolean.TRUE);
			}
			Matcher eventId = EVENT_ID.matcher(text);
			Long accepted = eventId.find() ? this.acceptedAt.get(eventId.group(1)) : null;
			if (accepted != null) {
				int index = this.measured.getAndIncrement();
				if (index < this.samples.length) {
					// A delivery may overtake the writer's own record of the 202.
					this.samples[index] = Math.max(0, at - accepted);
				}
			}
		}

		int subscriptionsServed() {
			return this.served.size();
		}

		long measured() {
			return Math.min(this.measured.get(), this.samples.length);
		}

		Latencies latencies() {
			return Latencies.ofNanos(Arrays.copyOf(this.samples, (int) measured()));
		}

	}

	/**
	 * @param replayed changes received by the replaying subscription
	 * @param elapsed from subscribing to the last of them
	 */
	record Replay(long replayed, Duration elapsed) {

		double changesPerSecond() {
			return elapsed.isZero() ? 0 : replayed / (elapsed.toNanos() / 1e9);
		}

	}

	/**
	 * @param written the events written during the measured window
	 * @param due deliveries due (each event to the whole-tenant subscriptions and its
	 * program's)
	 * @param delivered deliveries measured
	 * @param latencies accept → delivered, one sample per delivery
	 * @param heapPerThousand used heap per 1,000 live subscriptions (bytes, upper bound)
	 * @param replay the replay from the beginning of the big tenant's log
	 */
	record Result(Throughput written, long due, long delivered, Latencies latencies, long heapPerThousand,
			Replay replay) {
	}

}
