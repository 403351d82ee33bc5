package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.issuer.DevIssuer;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.devstack.junit.DevStackTest;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.fixtures.EventGenerator;
import io.rollcall.schema.fixtures.GeneratedTenant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Randomized isolation: 1,000 generated GraphQL operations, with tenant A's token, over
 * the data of tenants A ({@code demo}) and B ({@code other}). Operations are every root
 * field of the schema (queries added later are covered without editing this test);
 * arguments are drawn from A's ids, B's ids and hostile junk. Two checks:
 * <ul>
 * <li><b>differential</b>: every query answers byte for byte the same before and after
 * B's data is loaded, so no count, bucket or value of B can reach A (B shares A's program
 * {@code prog-0}, where a missing tenant filter would show at once); except the usage
 * queries, which count A's own requests of the run (that B's never reach A's usage is
 * {@code usage/UsageIntegrationTests}' to prove);</li>
 * <li><b>markers</b>: no response, count or error message names any of B's ids or values
 * (contacts, events, B-only program, managers, e-mails), except an id A itself sent as an
 * argument and gets echoed back.</li>
 * </ul>
 * Mutations run on their error paths (ids made invalid) and must write nothing.
 */
@DevStackTest
class TenantIsolationIntegrationTests {

	private static final int OPERATIONS = 1_000;

	/** What only B's data contains. */
	private static final List<String> B_MARKERS = List.of("other-rep-", "other-ev-", "other-prog-", "other-mgr-",
			"@other.example", " of other", "\"other\"");

	/** Queries whose answer is A's own traffic, which this test keeps changing. */
	private static final Set<String> SELF_COUNTING = Set.of("Query.usage", "Query.tenantUsage");

	private static final List<String> JUNK = List.of("", " ", "*", "?", "prog-*", "prog-0*", "prog-0\" OR \"1\"=\"1",
			"' OR 1=1 --", "../other", "other", "demo", "prog-0,other-prog-1", "{\"match_all\":{}}", "tenant_id:other",
			"_all", "%", "prog-0\u0000", "x".repeat(300), "ünïcödé", "-1", "null", "true", "<script>alert(1)</script>",
			"${jndi:ldap://x}");

	private SecuredApi api;

	private DevIssuer issuer;

	@BeforeEach
	void start(DevStack stack, DevIssuer devIssuer) {
		this.issuer = devIssuer;
		this.api = SecuredApi.start(stack, devIssuer, true, Map.of());
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void tenantANeverSeesAnythingOfTenantB() {
		GeneratedTenant a = EventGenerator.withSeed(11).reps(12).programs(2).lessonsPerProgram(4).generate("demo");
		GeneratedTenant b = EventGenerator.withSeed(12).reps(12).programs(2).lessonsPerProgram(4).generate("other");
		List<InteractionEvent> bEvents = b.events()
			.stream()
			.map(e -> e.programId().equals("prog-1") ? relabel(e, "other-prog-1") : e)
			.toList();
		String tokenA = this.issuer.token("demo-admin", "demo-admin-secret");
		String tokenB = this.issuer.token("other-admin", "other-admin-secret");
		load(tokenA, a.contacts(), a.events());

		List<String> pool = idPool(a, b, bEvents);
		Random random = new Random(2026);
		SchemaOperations schema = SchemaOperations.load();
		List<SchemaOperations.Operation> queries = schema.operations("Query");
		List<SchemaOperations.Operation> mutations = schema.operations("Mutation");
		List<Generated> generated = new ArrayList<>();
		for (int i = 0; i < OPERATIONS; i++) {
			boolean mutation = !mutations.isEmpty() && random.nextInt(5) == 0;
			SchemaOperations.Operation operation = mutation ? mutations.get(random.nextInt(mutations.size()))
					: queries.get(random.nextInt(queries.size()));
			Set<String> sent = new LinkedHashSet<>();
			// Mutations: every id made invalid, so they stop at validation.
			Function<Random, String> ids = r -> record(sent, pick(r, pool) + (mutation ? " !" : ""));
			Function<Random, String> strings = r -> record(sent, pick(r, pool));
			generated.add(new Generated(operation, SchemaOperations.document(operation, random, ids, strings), sent));
		}

		Map<Integer, String> before = new java.util.HashMap<>();
		for (int i = 0; i < generated.size(); i++) {
			if (generated.get(i).comparable()) {
				before.put(i, withoutBucketLevel(answer(tokenA, generated.get(i))));
			}
		}
		load(tokenB, b.contacts(), bEvents);
		String lastWriteBefore = this.api.lastWriteId();

		int compared = 0;
		for (int i = 0; i < generated.size(); i++) {
			Generated operation = generated.get(i);
			String after = answer(tokenA, operation);
			String visible = withoutEchoes(after, operation.sent());
			assertThat(visible).as("operation %d: %s%nanswered %s", i, operation.document(), after)
				.doesNotContain(B_MARKERS);
			if (operation.comparable()) {
				assertThat(withoutBucketLevel(after))
					.as("operation %d changed when B's data arrived: %s", i, operation.document())
					.isEqualTo(before.get(i));
				compared++;
			}
		}
		assertThat(this.api.lastWriteId()).as("mutations on error paths wrote nothing").isEqualTo(lastWriteBefore);
		assertThat(generated).hasSize(OPERATIONS);
		assertThat(compared).isGreaterThan(OPERATIONS / 2);
		// The control: B's data is there, for B.
		String bSummary = this.api.graphQl(tokenB, "{ programSummary(programId: \"other-prog-1\") { activeReps } }")
			.body();
		assertThat(SecuredApi.JSON.readTree(bSummary).path("data").path("programSummary").path("activeReps").asLong())
			.as(bSummary)
			.isPositive();
	}

	private String answer(String token, Generated operation) {
		HttpResponse<String> response = this.api.graphQl(token, operation.document());
		assertThat(response.statusCode()).as(operation.document() + " -> " + response.body()).isIn(200, 400);
		return response.body();
	}

	/**
	 * The answer without how full the caller's bucket was when it answered: that depends
	 * on when the request came (the bucket refills by the millisecond), not on any data.
	 * The query's actual cost, which does depend on what it found, stays.
	 */
	private static String withoutBucketLevel(String body) {
		JsonNode json = SecuredApi.JSON.readTree(body);
		if (json.path("extensions").path("cost").path("throttleStatus") instanceof ObjectNode status) {
			status.remove("currentlyAvailable");
		}
		return json.toString();
	}

	private void load(String token, List<Contact> contacts, List<InteractionEvent> events) {
		HttpResponse<String> contactWrite = this.api.post("/v1/contacts?consistency=visible", token,
				SecuredApi.APPLICATION_JSON, SecuredApi.JSON.writeValueAsString(contacts));
		HttpResponse<String> eventWrite = this.api.post("/v1/events?consistency=visible", token,
				SecuredApi.APPLICATION_JSON, SecuredApi.JSON.writeValueAsString(events));
		assertThat(contactWrite.statusCode()).as(contactWrite.body()).isEqualTo(200);
		assertThat(eventWrite.statusCode()).as(eventWrite.body()).isEqualTo(200);
	}

	private static List<String> idPool(GeneratedTenant a, GeneratedTenant b, List<InteractionEvent> bEvents) {
		List<String> pool = new ArrayList<>(JUNK);
		pool.addAll(a.programIds());
		pool.addAll(a.lessonIds());
		a.contacts().forEach(contact -> pool.add(contact.contactId()));
		a.events().stream().limit(50).forEach(event -> pool.add(event.eventId()));
		// IDs that exist only in the other tenant.
		pool.add("other-prog-1");
		b.contacts().forEach(contact -> pool.add(contact.contactId()));
		bEvents.stream().limit(50).forEach(event -> pool.add(event.eventId()));
		b.contacts().forEach(contact -> pool.add(contact.managerId()));
		return pool;
	}

	/**
	 * The response with every string A sent removed where it is echoed whole: as a JSON
	 * value, or quoted in a message ({@code cannot read 'x'}). Only whole, delimited
	 * echoes go, so a leak that merely contains a sent string is still seen.
	 */
	private static String withoutEchoes(String body, Set<String> sent) {
		String visible = body;
		for (String value : sent) {
			if (!value.isEmpty()) {
				String json = SecuredApi.JSON.writeValueAsString(value);
				String inner = json.substring(1, json.length() - 1);
				visible = visible.replace(json, "\"\"").replace("'" + inner + "'", "''");
			}
		}
		return visible;
	}

	private static String pick(Random random, List<String> pool) {
		return pool.get(random.nextInt(pool.size()));
	}

	private static String record(Set<String> sent, String value) {
		sent.add(value);
		return value;
	}

	private static InteractionEvent relabel(InteractionEvent e, String programId) {
		return new InteractionEvent(e.eventId(), e.contactId(), programId, e.lessonId(), e.type(), e.occurredAt(),
				e.segment(), e.questionId(), e.correct(), e.score(), e.revision(), e.attributes());
	}

	private record Generated(SchemaOperations.Operation operation, String document, Set<String> sent) {

		boolean mutation() {
			return "Mutation".equals(this.operation.rootType());
		}

		/** Whether its answer must not change when B's data arrives. */
		boolean comparable() {
			return !mutation() && !SELF_COUNTING.contains(this.operation.name());
		}

	}

}
