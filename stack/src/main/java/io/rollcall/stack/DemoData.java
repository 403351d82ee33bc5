package io.rollcall.stack;

import io.rollcall.devstack.issuer.DevIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --demo-data}: loads tenant {@code demo} ({@link DemoTenant}: contacts, the
 * program's catalog with a due date just passed, a month of history) through the public
 * REST api as client {@code demo-admin}, then keeps a few events a second flowing in, so
 * that the dashboard page moves. Loading again (a restart without {@code --fresh}) stores
 * nothing twice: the history's event ids are stable (see {@link DemoTenant#history}).
 */
final class DemoData implements AutoCloseable {

	static final String FLAG = "--demo-data";

	private static final int REPS = 300;

	private static final int TEAMS = 6;

	private static final int BATCH = 5_000;

	/** One rep's step every this often: a low, steady stream. */
	private static final Duration STEP_EVERY = Duration.ofMillis(400);

	/** The client-credentials token is renewed well before the issuer's 1 h expiry. */
	private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(30);

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ScheduledExecutorService stream = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rollcall-demo-data").daemon().factory());

	private final URI api;

	private final DevIssuer issuer;

	private final Clock clock;

	private String token;

	private Instant tokenAt = Instant.MIN;

	private DemoData(URI api, DevIssuer issuer, Clock clock) {
		this.api = api;
		this.issuer = issuer;
		this.clock = clock;
	}

	/** Loads the tenant (in the background) and starts the stream. */
	static DemoData start(URI api, DevIssuer issuer) {
		DemoData demo = new DemoData(api, issuer, Clock.systemUTC());
		DemoTenant tenant = DemoTenant.create(15, REPS, TEAMS);
		demo.stream.execute(() -> demo.load(tenant));
		demo.stream.scheduleWithFixedDelay(() -> demo.send("/v1/events", tenant.step(demo.clock.instant())),
				STEP_EVERY.toMillis(), STEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
		return demo;
	}

	private void load(DemoTenant tenant) {
		Instant now = this.clock.instant();
		send("/v1/contacts", tenant.contacts());
		put("/v1/programs/" + DemoTenant.PROGRAM, Map.of("name", "Onboarding", "lessonIds", DemoTenant.LESSONS,
				"dueDate", now.minus(Duration.ofDays(2)).toString()));
		List<?> history = tenant.history(now);
		for (int from = 0; from < history.size(); from += BATCH) {
			send("/v1/events", history.subList(from, Math.min(history.size(), from + BATCH)));
		}
		System.out.printf("Demo data: tenant demo has %d reps and %d events of program %s; more keep coming.%n", REPS,
				history.size(), DemoTenant.PROGRAM);
	}

	private void send(String path, List<?> items) {
		if (!items.isEmpty()) {
			call(HttpRequest.newBuilder(this.api.resolve(path))
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(items))));
		}
	}

	private void put(String path, Object body) {
		call(HttpRequest.newBuilder(this.api.resolve(path))
			.PUT(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))));
	}

	/**
	 * Sends a request with a current token; a refusal or failure is printed, not thrown:
	 * the stream goes on with the next step.
	 */
	private HttpResponse<String> call(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.header("Authorization", "Bearer " + token())
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				System.err.println("Demo data: " + response.request().uri().getPath() + " answered "
						+ response.statusCode() + ": " + response.body());
				return null;
			}
			return response;
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Demo data: " + ex);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private String token() {
		Instant now = this.clock.instant();
		if (this.token == null || this.tokenAt.plus(TOKEN_RENEWAL).isBefore(now)) {
			this.token = this.issuer.token("demo-admin", "demo-admin-secret");
			this.tokenAt = now;
		}
		return this.token;
	}

	@Override
	public void close() {
		this.stream.shutdownNow();
	}

}
