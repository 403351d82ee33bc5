package io.rollcall.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two OAuth clients of one tenant ({@code demo}) on plans of their own, over real HTTP
 * with the dev issuer's client-credentials tokens: each is limited by its own bucket,
 * neither by the other's nor by the tenant's (the standard plan, far from empty here).
 */
@DevStackTest
class ClientPlansIntegrationTests {

	/** Estimated and actual cost 21: programSummary (20) + totalEvents (1). */
	private static final String SUMMARY = "{ programSummary(programId: \"prog-0\") { totalEvents } }";

	private static ApiInstance api;

	private static String admin;

	private static String reader;

	@BeforeAll
	static void start(DevStack stack, DevIssuer issuer) {
		Map<String, String> properties = new HashMap<>(stack.springProperties());
		properties.put("rollcall.security.issuer-uri", issuer.issuerUri().toString());
		plan(properties, "partner-small", 63);
		plan(properties, "partner-large", 1_000);
		// demo-reader: 3 summaries of burst; demo-admin: its plan's 1,000 units cut to 6
		// summaries by an override of its own. Both regain 1 unit a second.
		properties.put("rollcall.limits.clients.demo-reader.plan", "partner-small");
		properties.put("rollcall.limits.clients.demo-admin.plan", "partner-large");
		properties.put("rollcall.limits.clients.demo-admin.client-capacity", "126");
		api = ApiInstance.start(properties);
		admin = issuer.token("demo-admin", "demo-admin-secret");
		reader = issuer.token("demo-reader", "demo-reader-secret");
	}

	@AfterAll
	static void stop() {
		if (api != null) {
			api.close();
		}
	}

	@Test
	void twoClientsOfOneTenantAreEachLimitedByTheirOwnPlan() {
		Run readerRun = untilRefused(reader);
		Run adminRun = untilRefused(admin);

		// 63 units = 3 summaries, 126 = 6; 1 unit a second refills one more only after
		// 21 s, longer than either run takes (a slower machine may add one).
		assertThat(readerRun.admitted()).isBetween(3, 4);
		assertThat(adminRun.admitted()).isBetween(6, 7);
		for (Run run : List.of(readerRun, adminRun)) {
			assertThat(run.refused().statusCode()).isEqualTo(429);
			JsonNode error = ApiInstance.json(run.refused()).path("errors").path(0);
			assertThat(error.path("extensions").path("code").asString()).isEqualTo("RATE_LIMITED");
			assertThat(error.path("message").asString()).contains("the client rate limit");
		}
		// Refused by the client's bucket: the tenant's is listed with the standard plan's
		// 200,000 units, the client's with its own plan.
		assertThat(readerRun.refused().headers().firstValue("RateLimit-Policy"))
			.hasValue("\"tenant\";q=200000;w=100, \"client\";q=63;w=63");
		assertThat(adminRun.refused().headers().firstValue("RateLimit-Policy"))
			.hasValue("\"tenant\";q=200000;w=100, \"client\";q=126;w=126");
	}

	private static Run untilRefused(String token) {
		int admitted = 0;
		for (int i = 0; i < 30; i++) {
			HttpResponse<String> response = api.graphQl(token, SUMMARY);
			if (response.statusCode() != 200) {
				return new Run(admitted, response);
			}
			assertThat(ApiInstance.json(response).path("errors").isMissingNode()).as(response.body()).isTrue();
			admitted++;
		}
		throw new AssertionError("never refused after " + admitted + " summaries");
	}

	/**
	 * A plan whose client bucket holds {@code clientCapacity} units, refilled 1 a second.
	 */
	private static void plan(Map<String, String> properties, String name, long clientCapacity) {
		String prefix = "rollcall.limits.plans." + name + ".";
		properties.put(prefix + "capacity", "1000000");
		properties.put(prefix + "refill-per-second", "1000");
		properties.put(prefix + "client-capacity", Long.toString(clientCapacity));
		properties.put(prefix + "client-refill-per-second", "1");
		properties.put(prefix + "event-burst", "10000");
		properties.put(prefix + "events-per-second", "1000");
	}

	private record Run(int admitted, HttpResponse<String> refused) {
	}

}
