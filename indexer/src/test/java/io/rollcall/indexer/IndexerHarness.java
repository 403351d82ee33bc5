package io.rollcall.indexer;

import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.IngestKeys;
import io.rollcall.schema.stream.StreamEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the indexer in-process against the devstack, plays the api's part (XADD of stream
 * entries) and listens to the notices, as the api would.
 */
public final class IndexerHarness implements AutoCloseable {

	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant SMS_AT = Instant.parse("2026-02-02T10:00:00Z");

	public final ConfigurableApplicationContext context;

	public final ElasticsearchClient elasticsearch;

	public final IndexNames names;

	public final IngestKeys keys;

	public final RedisClusterCommands<String, String> redis;

	public final Map<String, AppliedNotice> applied = new ConcurrentHashMap<>();

	public final List<ChangeNotice> changes = new CopyOnWriteArrayList<>();

	private final RedisClients redisClients;

	private final RedisConnector redisClient;

	private final RedisConnection<String, String> connection;

	private final StatefulRedisPubSubConnection<String, String> pubSub;

	private final JsonMapper json = JsonMapper.builder().build();

	private IndexerHarness(DevStack stack, Map<String, String> overrides) {
		Map<String, Object> properties = new HashMap<>(stack.springProperties());
		properties.put("server.port", "0");
		properties.putAll(overrides);
		this.keys = new IngestKeys(stack.redisKeyPrefix());
		this.redisClients = RedisClients.forUrl(stack.redisUrl());
		this.redisClient = redisClients.create();
		this.connection = redisClient.connect();
		this.redis = connection.sync();
		this.pubSub = redisClient.connectPubSub();
		pubSub.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				if (channel.equals(keys.appliedChannel())) {
					AppliedNotice notice = json.readValue(message, AppliedNotice.class);
					applied.put(notice.ticket(), notice);
				}
				else {
					changes.add(json.readValue(message, ChangeNotice.class));
				}
			}
		});
		pubSub.sync().subscribe(keys.appliedChannel(), keys.changesChannel());
		this.context = IndexerApplication.builder().properties(properties).run();
		this.elasticsearch = context.getBean(ElasticsearchClient.class);
		this.names = context.getBean(IndexNames.class);
	}

	public static IndexerHarness start(DevStack stack) {
		return new IndexerHarness(stack, Map.of());
	}

	public static IndexerHarness start(DevStack stack, Map<String, String> overrides) {
		return new IndexerHarness(stack, overrides);
	}

	/** Appends an entry as the api does, with a ticket; returns the ticket. */
	public String send(EntryKind kind, String tenantId, List<?> items) {
		String ticket = UUID.randomUUID().toString();
		redis.xadd(keys.liveStream(), new StreamEntry(kind, tenantId, ticket, Instant.now(), items.size(),
				json.writeValueAsString(items), null)
			.toFields());
		return ticket;
	}

	/** Appends raw fields (for entries the api would never write). */
	public String sendRaw(Map<String, String> fields) {
		return redis.xadd(keys.liveStream(), fields);
	}

	/**
	 * {@code count} SMS events of contact {@code contactId}, ids {@code <idPrefix>-<n>}:
	 * the most compact valid events, for volume tests. Event {@code n} has revision
	 * {@code 1 + n % 3}.
	 */
	public static List<InteractionEvent> smsEvents(String idPrefix, String contactId, int count) {
		List<InteractionEvent> events = new ArrayList<>(count);
		for (int n = 0; n < count; n++) {
			events.add(new InteractionEvent(idPrefix + "-" + n, contactId, "prog-1", null, EventType.SMS_SENT, SMS_AT,
					null, null, null, null, 1L + n % 3, null));
		}
		return events;
	}

	/**
	 * The sum of the revisions of {@code count} events of {@link #smsEvents}: 1, 2, 3, 1,
	 * 2, 3...
	 */
	public static long smsRevisionSum(int count) {
		long sum = 0;
		for (int n = 0; n < count; n++) {
			sum += 1 + n % 3;
		}
		return sum;
	}

	/**
	 * The sum of the {@code revision} field over a tenant's events, computed by
	 * Elasticsearch.
	 */
	public long revisionSum(String tenantId) {
		try {
			return Math.round(elasticsearch
				.search(search -> search.index(names.events())
					.routing(tenantId)
					.size(0)
					.query(q -> q.term(t -> t.field("tenant_id").value(tenantId)))
					.aggregations("revisions", a -> a.sum(sum -> sum.field("revision"))), Void.class)
				.aggregations()
				.get("revisions")
				.sum()
				.value());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public AppliedNotice awaitApplied(String ticket) {
		await().atMost(TIMEOUT).until(() -> applied.containsKey(ticket));
		return applied.get(ticket);
	}

	/** Sends and waits for the applied notice. */
	public AppliedNotice apply(EntryKind kind, String tenantId, List<?> items) {
		return awaitApplied(send(kind, tenantId, items));
	}

	public long count(String index, String tenantId, Query query) {
		try {
			return elasticsearch.count(count -> count.index(index).routing(tenantId).query(query)).count();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The sum of the counters named {@code name} with {@code tags} (whatever their other
	 * tags).
	 */
	public double counter(String name, String... tags) {
		return context.getBean(MeterRegistry.class)
			.find(name)
			.tags(tags)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	@SuppressWarnings("unchecked") // the client wants a class literal; sources are read
									// as plain maps
	private static final Class<Map<String, Object>> SOURCE = (Class<Map<String, Object>>) (Class<?>) Map.class;

	public SearchResponse<Map<String, Object>> searchEvents(String tenantId, Query query) {
		try {
			return elasticsearch.search(
					search -> search.index(names.events())
						.routing(tenantId)
						.size(10_000)
						.query(q -> q
							.bool(b -> b.filter(f -> f.term(t -> t.field("tenant_id").value(tenantId))).filter(query))),
					SOURCE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public GetResponse<Map<String, Object>> get(String index, String tenantId, String id) {
		try {
			return elasticsearch.get(get -> get.index(index).id(id).routing(tenantId), SOURCE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public GetResponse<Map<String, Object>> getEvent(String tenantId, String eventId) {
		return get(names.events(), tenantId, tenantId + "/" + eventId);
	}

	/** The tenant's events, counted without a refresh: what a dashboard would see now. */
	public long countEvents(String tenantId) {
		return count(names.events(), tenantId, Query.of(q -> q.term(t -> t.field("tenant_id").value(tenantId))));
	}

	/** Entries of the live stream read but not acknowledged. */
	public long pendingCount() {
		return redis.xpending(keys.liveStream(), keys.consumerGroup()).getCount();
	}

	@Override
	public void close() {
		context.close();
		pubSub.close();
		connection.close();
		redisClient.shutdown();
		redisClients.destroy();
	}

}
