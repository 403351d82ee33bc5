package io.rollcall.bench;

import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The morning rush's freshness probe: every {@link #PERIOD}, one event written with
 * {@code consistency=visible} ({@code POST /v1/events?consistency=visible}, which answers
 * when the event is searchable and the indexer has announced it), then
 * {@code programSummary} read right after through the gateway with its defaults (result
 * cache on), as the managers read it. Each probe's event is the first of a rep of its own
 * ({@code demo-probe-<n>}, {@code LESSON_STARTED} of the program's first lesson), so it
 * adds exactly one to the program's {@code activeReps}, which the rush's other writes
 * (more events of existing reps) never change. An answer whose {@code activeReps} is
 * below the count before the rush plus the probes acknowledged so far is missing an
 * acknowledged write: it is stale.
 *
 * <p>
 * Probes run one after another; one that takes longer than the period delays the next.
 * The write's latency is the client's view of accept → visible.
 */
final class FreshnessProbe {

	static final Duration PERIOD = Duration.ofSeconds(2);

	static final String SUMMARY = "programSummary";

	private final BenchStack stack;

	private final JsonHttp http = new JsonHttp();

	private final String token;

	private final String summary;

	private final long repsBefore;

	private final Duration timeout;

	private long acknowledged;

	private int next;

	/**
	 * @param repsBefore the program's {@code activeReps} before the first probe
	 * @param timeout the client's HTTP timeout of each write and read
	 */
	FreshnessProbe(BenchStack stack, String token, long repsBefore, Duration timeout) {
		this.stack = stack;
		this.token = token;
		this.repsBefore = repsBefore;
		this.timeout = timeout;
		this.summary = DashboardQuery.named(SUMMARY, DashboardQuery.managerMix()).graphQlRequest();
	}

	/**
	 * Probes every {@link #PERIOD} from now until {@code deadline}
	 * ({@link System#nanoTime()}).
	 */
	synchronized Window run(long deadline) {
		Window window = new Window();
		long start = System.nanoTime();
		for (int probe = 0;; probe++) {
			long due = start + probe * PERIOD.toNanos();
			if (due - deadline >= 0) {
				return window;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				DirectElasticsearch.pause(Duration.ofNanos(wait));
			}
			probeOnce(window);
		}
	}

	private void probeOnce(Window window) {
		int n = this.next++;
		InteractionEvent event = new InteractionEvent("probe-" + n, Tenant.DEMO.id() + "-probe-" + n, "prog-0",
				"lesson-0", EventType.LESSON_STARTED, Instant.now(), null, null, null, null, null, Map.of());
		long start = System.nanoTime();
		Outcome written;
		try {
			HttpResponse<String> response = this.http.post(this.stack.api("v1/events?consistency=visible"), this.token,
					"application/json", JsonHttp.JSON.writeValueAsString(List.of(event)), this.timeout);
			written = Outcome.ofWrite(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").isPresent());
		}
		catch (UncheckedIOException ex) {
			written = Outcome.unanswered(ex);
		}
		Duration latency = Duration.ofNanos(System.nanoTime() - start);
		window.writes.add(written, latency, Duration.ZERO);
		if (written.admitted()) {
			this.acknowledged++;
			window.writeLatencies.add(latency);
		}
		read(window, this.repsBefore + this.acknowledged);
	}

	private void read(Window window, long expectedReps) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.post(this.stack.api("graphql"), this.token, "application/json",
					this.summary, this.timeout);
			Outcome outcome = Outcome.of(response.statusCode(), response.body(), false, SUMMARY);
			window.reads.add(outcome, Duration.ofNanos(System.nanoTime() - start), Duration.ZERO);
			if (outcome.admitted()) {
				JsonNode reps = JsonHttp.JSON.readTree(response.body()).path("data").path(SUMMARY).path("activeReps");
				if (reps.asLong() < expectedReps) {
					window.stale++;
				}
			}
		}
		catch (UncheckedIOException ex) {
			window.reads.add(Outcome.unanswered(ex), Duration.ofNanos(System.nanoTime() - start), Duration.ZERO);
		}
	}

	/** What the probes of one window measured. */
	static final class Window {

		private final Tally writes = new Tally();

		private final List<Duration> writeLatencies = new ArrayList<>();

		private final Tally reads = new Tally();

		private long stale;

		/** The visible writes: acknowledged, refused, failed. */
		Tally writes() {
			return this.writes;
		}

		/** The acknowledged writes' latencies (accept → visible, client side). */
		List<Duration> writeLatencies() {
			return List.copyOf(this.writeLatencies);
		}

		/** The reads right after each write. */
		Tally reads() {
			return this.reads;
		}

		/** Reads whose answer missed an acknowledged probe. */
		long stale() {
			return this.stale;
		}

	}

}
