package io.rollcall.api.subscription;

import static io.rollcall.api.changes.ChangeLogFixture.event;
import static io.rollcall.api.changes.ChangesClient.BEGINNING;
import static io.rollcall.api.changes.ChangesClient.SUBSCRIPTION;
import static io.rollcall.api.changes.ChangesClient.changes;
import static io.rollcall.api.changes.ChangesClient.connect;
import static io.rollcall.api.changes.ChangesClient.error;
import static io.rollcall.api.changes.ChangesClient.failed;
import static io.rollcall.api.changes.ChangesClient.streamIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.api.changes.ChangeLogFixture;
import io.rollcall.api.security.GraphQlSocket;
import io.rollcall.api.security.SecuredApi;
import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.change.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions as an operator sees them, over real sockets: the limits per connection
 * and per tenant with their codes, pricing on subscribe, a slow consumer ended with the
 * cursor it resumes from, and a token's expiry (4401) followed by a resume with a new
 * token. (A stopping instance: {@code ChangeFeedEndToEndIntegrationTests}.)
 */
@DevStackTest
class SubscriptionOperationsIntegrationTests {

	private static final AtomicInteger TENANTS = new AtomicInteger();

	private static SecuredApi api;

	private static DevIssuer issuer;

	private ChangeLogFixture log;

	private String tenant;

	@BeforeAll
	static void start(DevStack stack, DevIssuer devIssuer) {
		issuer = devIssuer;
		api = SecuredApi.start(stack, issuer,
				Map.of("rollcall.limits.subscriptions.max-per-connection", "2",
						"rollcall.limits.subscriptions.max-per-tenant", "3", "rollcall.changes.subscriber-buffer", "50",
						"rollcall.limits.cost.max-cost", "500"));
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@BeforeEach
	void open(DevStack stack) {
		log = new ChangeLogFixture(stack);
		tenant = "ops-" + TENANTS.incrementAndGet();
	}

	@AfterEach
	void close() {
		log.close();
	}

	@Test
	void aConnectionAndATenantHoldAtMostTheirLimits() {
		try (GraphQlSocket one = connect(api, token(tenant)); GraphQlSocket two = connect(api, token(tenant))) {
			// Each is admitted on its own (the rate limiter's reservations complete in
			// any
			// order), so the next is sent once the previous one is live, hence counted.
			one.subscribe("a", SUBSCRIPTION);
			awaitLive(one, "a");
			one.subscribe("b", SUBSCRIPTION);
			awaitLive(one, "b");
			one.subscribe("c", SUBSCRIPTION);
			await().atMost(Duration.ofSeconds(30)).until(() -> failed(one, "c"));
			two.subscribe("d", SUBSCRIPTION);
			awaitLive(two, "d");
			two.subscribe("e", SUBSCRIPTION);
			await().atMost(Duration.ofSeconds(30)).until(() -> failed(two, "e"));

			assertThat(error(one, "c").path("extensions").path("code").asString())
				.isEqualTo("MAX_SUBSCRIPTIONS_PER_CONNECTION_EXCEEDED");
			assertThat(error(two, "e").path("extensions").path("code").asString())
				.isEqualTo("MAX_SUBSCRIPTIONS_PER_TENANT_EXCEEDED");
			assertThat(failed(one, "a") || failed(one, "b") || failed(two, "d")).isFalse();

			// Completing one frees its place: a subscription after it is served.
			log.append(tenant, List.of(event("e-1", "rep-1", "p-1")));
			one.complete("a");
			AtomicInteger attempts = new AtomicInteger();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				String id = "f" + attempts.incrementAndGet();
				two.subscribe(id, SUBSCRIPTION, Map.of("after", BEGINNING));
				await().atMost(Duration.ofSeconds(10)).until(() -> failed(two, id) || !changes(two, id).isEmpty());
				return !changes(two, id).isEmpty();
			});
			assertThat(one.closeCode()).isNull();
		}
	}

	@Test
	void aSubscriptionIsPricedWhenItStarts() {
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("costly", """
					subscription { complianceChanged(programId: "p-1") {
					  compliant nonCompliantReps(first: 500) { edges { node { contactId lessonsCompleted } } } } }""");

			await().atMost(Duration.ofSeconds(30)).until(() -> failed(socket, "costly"));
			JsonNode refused = error(socket, "costly");
			assertThat(refused.path("extensions").path("code").asString()).isEqualTo("COST_LIMIT_EXCEEDED");
			assertThat(refused.path("extensions").path("cost").asLong()).isGreaterThan(500);
		}
	}

	@Test
	void aSlowConsumerIsEndedWithItsLastCursorAndResumesFromIt() {
		List<String> ids = new ArrayList<>();
		try (GraphQlSocket slow = connect(api, token(tenant))) {
			slow.subscribe("1", SUBSCRIPTION, Map.of("after", BEGINNING));
			slow.pauseReading();
			// Far more than the network buffers, the server's send queue and the
			// subscriber's 50 together hold.
			for (int i = 0; i < 8; i++) {
				ids.addAll(log.append(tenant, events("burst-" + i, 5_000)));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> slowConsumers() >= 1);
			slow.resumeReading();

			await().atMost(Duration.ofSeconds(60)).until(() -> !slow.errors("1").isEmpty());
			JsonNode error = error(slow, "1");
			assertThat(error.path("extensions").path("code").asString()).isEqualTo("SLOW_CONSUMER");
			List<String> received = streamIds(changes(slow, "1"));
			assertThat(received).as("everything before the error, in order").isEqualTo(ids.subList(0, received.size()));
			assertThat(received).hasSizeLessThan(ids.size());
			assertThat(error.path("extensions").path("lastCursor").asString())
				.isEqualTo(changes(slow, "1").getLast().path("cursor").asString());

			slow.subscribe("2", SUBSCRIPTION, Map.of("after", error.path("extensions").path("lastCursor").asString()));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> changes(slow, "2").size() == ids.size() - received.size());
			assertThat(streamIds(changes(slow, "2")))
				.containsExactlyElementsOf(ids.subList(received.size(), ids.size()));
		}
	}

	@Test
	void afterItsTokenExpiresAClientResumesWithANewOne() {
		String shortLived = issuer.sign(issuer.claims(tenant, "analytics:read")
			.expirationTime(Date.from(Instant.now().plusSeconds(8)))
			.build());
		List<String> before = log.append(tenant, events("before", 10));
		List<JsonNode> received = new ArrayList<>();
		try (GraphQlSocket socket = connect(api, shortLived)) {
			socket.subscribe("1", SUBSCRIPTION, Map.of("after", BEGINNING));
			await().atMost(Duration.ofSeconds(30)).until(() -> changes(socket, "1").size() == 10);
			await().atMost(Duration.ofSeconds(30)).until(() -> socket.closeCode() != null);
			assertThat(socket.closeCode()).isEqualTo(4401);
			received.addAll(changes(socket, "1"));
		}
		List<String> after = log.append(tenant, events("after", 10));
		try (GraphQlSocket socket = connect(api, token(tenant))) {
			socket.subscribe("1", SUBSCRIPTION, Map.of("after", received.getLast().path("cursor").asString()));
			await().atMost(Duration.ofSeconds(30)).until(() -> changes(socket, "1").size() == 10);
			received.addAll(changes(socket, "1"));
		}
		List<String> expected = new ArrayList<>(before);
		expected.addAll(after);
		assertThat(streamIds(received)).containsExactlyElementsOf(expected);
	}

	private static double slowConsumers() {
		Counter counter = api.context().getBean(MeterRegistry.class).find("rollcall.changes.slow.consumers").counter();
		return counter == null ? 0 : counter.count();
	}

	private static List<Change> events(String prefix, int count) {
		return IntStream.range(0, count).mapToObj(i -> event(prefix + "-" + i, "rep-" + i % 7, "p-1")).toList();
	}

	private static String token(String tenantId) {
		return issuer.sign(issuer.claims(tenantId, "analytics:read").build());
	}

	/**
	 * Appends events to the tenant's log until subscription {@code id} of {@code socket}
	 * (started "from now on") receives one: it is live then.
	 */
	private void awaitLive(GraphQlSocket socket, String id) {
		AtomicInteger sent = new AtomicInteger();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			log.append(tenant, List.of(event(id + "-live-" + sent.incrementAndGet(), "rep-1", "p-1")));
			return !changes(socket, id).isEmpty();
		});
	}

}
