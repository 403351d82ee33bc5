package io.rollcall.bench;

import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.index.IndexNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scenario b: the dataset POSTed to the api ({@code /v1/events}, 5,000-event JSON arrays,
 * 2 concurrent clients, real tokens), timed until every event is searchable, counted in
 * Elasticsearch. The contacts are upserted first, untimed, so dashboards can join them.
 */
final class EndToEndIngest {

	static final int BATCH_SIZE = 5_000;

	static final int CLIENTS = 2;

	/**
	 * Long enough for 2M events on a slow shared machine; a stuck pipeline still ends.
	 */
	private static final Duration VISIBLE_TIMEOUT = Duration.ofMinutes(30);

	private final BenchStack stack;

	private final JsonHttp http;

	private final DirectElasticsearch direct;

	EndToEndIngest(BenchStack stack, JsonHttp http, DirectElasticsearch direct) {
		this.stack = stack;
		this.http = http;
		this.direct = direct;
	}

	Throughput run(Dataset dataset) {
		Map<Tenant, String> tokens = Map.of(Tenant.DEMO, this.stack.token(Tenant.DEMO), Tenant.OTHER,
				this.stack.token(Tenant.OTHER));
		upsertContacts(tokens.get(Tenant.DEMO), dataset.big().contacts());
		upsertContacts(tokens.get(Tenant.OTHER), dataset.small().contacts());
		IndexNames indices = this.stack.indices();
		long start = System.nanoTime();
		Parallel.run(CLIENTS, dataset.batches(BATCH_SIZE),
				(batch) -> JsonHttp.ok(this.http.post(this.stack.api("v1/events"), tokens.get(batch.tenant()),
						"application/json", JsonHttp.JSON.writeValueAsString(batch.events()))));
		this.direct.awaitCount(indices.events(), Tenant.DEMO, dataset.big().events().size(), VISIBLE_TIMEOUT);
		this.direct.awaitCount(indices.events(), Tenant.OTHER, dataset.small().events().size(), VISIBLE_TIMEOUT);
		return new Throughput(dataset.size(), Duration.ofNanos(System.nanoTime() - start));
	}

	private void upsertContacts(String token, List<Contact> contacts) {
		for (int from = 0; from < contacts.size(); from += BATCH_SIZE) {
			List<Contact> slice = contacts.subList(from, Math.min(contacts.size(), from + BATCH_SIZE));
			JsonHttp.ok(this.http.post(this.stack.api("v1/contacts?consistency=visible"), token, "application/json",
					JsonHttp.JSON.writeValueAsString(slice)));
		}
	}

}
