package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSocket connections are authenticated by the token in {@code connection_init}, with
 * the same rules as HTTP: 4401 when it is missing, invalid or expires while connected,
 * 4403 without {@code analytics:read}. (The full bad-token matrix, WebSocket included, is
 * {@link TokenValidationIntegrationTests}.)
 */
@DevStackTest
class WebSocketAuthenticationIntegrationTests {

	private static SecuredApi api;

	private static DevIssuer issuer;

	@BeforeAll
	static void start(DevStack stack, DevIssuer devIssuer) {
		issuer = devIssuer;
		api = SecuredApi.start(stack, issuer, Map.of());
		// The issuer is discovered lazily: wait until tokens are checked for real.
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			try (GraphQlSocket socket = GraphQlSocket.connect(api.webSocketUri(),
					issuer.token("demo-reader", "demo-reader-secret"))) {
				await().atMost(Duration.ofSeconds(30)).until(() -> socket.acknowledged() || socket.closeCode() != null);
				return socket.acknowledged();
			}
		});
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void aReaderIsAcknowledgedAndStaysConnected() {
		try (GraphQlSocket socket = GraphQlSocket.connect(api.webSocketUri(),
				issuer.token("demo-reader", "demo-reader-secret"))) {
			await().atMost(Duration.ofSeconds(15)).until(socket::acknowledged);
			socket.subscribe("1", "subscription { changes { cursor } }");
			socket.subscribe("2", "subscription { changes(programId: \"not an id!\") { cursor } }");

			await().atMost(Duration.ofSeconds(15))
				.until(() -> socket.messages().stream().anyMatch(m -> "error".equals(m.path("type").asString())));
			assertThat(socket.messages()).filteredOn(m -> "error".equals(m.path("type").asString()))
				.singleElement()
				.satisfies(error -> {
					assertThat(error.toString()).doesNotContain("Exception", "io.rollcall");
					assertThat(error.path("id").asString()).isEqualTo("2");
					assertThat(error.path("payload").path(0).path("extensions").path("code").asString())
						.as(error.toString())
						.isEqualTo("BAD_USER_INPUT");
				});
			assertThat(socket.closeCode()).isNull();
		}
	}

	@Test
	void withoutATokenTheSocketIsClosedWith4401() {
		try (GraphQlSocket socket = GraphQlSocket.connect(api.webSocketUri(), null)) {
			await().atMost(Duration.ofSeconds(15)).until(() -> socket.closeCode() != null);

			assertThat(socket.closeCode()).isEqualTo(4401);
			assertThat(socket.acknowledged()).isFalse();
		}
	}

	@Test
	void withoutAnalyticsReadTheSocketIsClosedWith4403() {
		String writer = issuer.sign(issuer.claims("demo", "events:write contacts:write").build());
		try (GraphQlSocket socket = GraphQlSocket.connect(api.webSocketUri(), writer)) {
			await().atMost(Duration.ofSeconds(15)).until(() -> socket.closeCode() != null);

			assertThat(socket.closeCode()).isEqualTo(4403);
			assertThat(socket.acknowledged()).isFalse();
		}
	}

	@Test
	void whenTheTokenExpiresTheSocketIsClosedWith4401() {
		Instant expiry = Instant.now().plusSeconds(10);
		String shortLived = issuer
			.sign(issuer.claims("demo", "analytics:read").expirationTime(Date.from(expiry)).build());
		try (GraphQlSocket socket = GraphQlSocket.connect(api.webSocketUri(), shortLived)) {
			await().atMost(Duration.ofSeconds(8)).until(socket::acknowledged);
			socket.subscribe("1", "subscription { changes { cursor } }");

			await().atMost(Duration.ofSeconds(40)).until(() -> socket.closeCode() != null);

			assertThat(socket.closeCode()).isEqualTo(4401);
			assertThat(Instant.now()).as("closed at exp, not before").isAfterOrEqualTo(expiry.minusSeconds(1));
		}
	}

}
