package io.rollcall.api.changes;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.rollcall.devstack.junit.DevStack;
import io.rollcall.platform.redis.RedisClients;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.change.Change;
import io.rollcall.schema.change.ChangeLogEntry;
import io.rollcall.schema.change.ComplianceMove;
import io.rollcall.schema.change.ComplianceStatus;
import io.rollcall.schema.change.ProgressSnapshot;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.stream.ChangeNotice;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes tenants' change logs in devstack's Redis the way the indexer does (entries made
 * by {@link ChangeLogEntry}, a change notice after them, the floor moved before a trim),
 * so the api's readers are tested against the contract.
 */
public final class ChangeLogFixture implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant APPLIED = Instant.parse("2026-11-20T09:00:00Z");

	private final RedisClients clients;

	private final RedisConnector client;

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	public ChangeLogFixture(DevStack stack) {
		// One server or a Redis Cluster, whichever devstack runs.
		this.clients = RedisClients.forUrl(stack.redisUrl());
		this.client = this.clients.create();
		this.connection = this.client.connect();
		this.keys = new IngestKeys(stack.redisKeyPrefix());
	}

	/**
	 * Appends {@code changes} to {@code tenantId}'s log in one pipeline, then publishes a
	 * change notice; returns their stream ids in order.
	 */
	public List<String> append(String tenantId, List<Change> changes) {
		RedisClusterAsyncCommands<String, String> commands = this.connection.async();
		List<RedisFuture<String>> ids = new ArrayList<>();
		for (Change change : changes) {
			ids.add(commands.xadd(this.keys.changeLog(tenantId), ChangeLogEntry.fields(change)));
		}
		List<String> appended = ids.stream().map(id -> id.toCompletableFuture().join()).toList();
		notice(tenantId);
		return appended;
	}

	/**
	 * Publishes a change notice for {@code tenantId}, as the indexer does after a batch.
	 */
	private void notice(String tenantId) {
		this.connection.sync()
			.publish(this.keys.changesChannel(),
					JSON.writeValueAsString(new ChangeNotice(tenantId, 1, Set.of(), Set.of(), Set.of())));
	}

	/**
	 * Appends {@code changes} in one transaction (MULTI/EXEC): a reader sees all of them
	 * or none, so they reach it in one read. Returns their stream ids in order.
	 */
	public List<String> appendAtOnce(String tenantId, List<Change> changes) {
		// On the server that holds the log (a transaction stays on one node).
		RedisCommands<String, String> commands = this.connection.serverOf(this.keys.changeLog(tenantId));
		commands.multi();
		changes.forEach(change -> commands.xadd(this.keys.changeLog(tenantId), ChangeLogEntry.fields(change)));
		List<String> ids = commands.exec().stream().map(String.class::cast).toList();
		notice(tenantId);
		return ids;
	}

	/**
	 * Removes every entry up to {@code streamId} as retention does: the floor first, then
	 * the trim.
	 */
	public void expireUpTo(String tenantId, String streamId) {
		this.connection.sync().set(this.keys.changeLogFloor(tenantId), streamId);
		this.connection.sync()
			.xtrim(this.keys.changeLog(tenantId), XTrimArgs.Builder.minId(successor(streamId)).exactTrimming());
	}

	/** Entries kept in {@code tenantId}'s log. */
	public long length(String tenantId) {
		return this.connection.sync().xlen(this.keys.changeLog(tenantId));
	}

	private static String successor(String streamId) {
		int dash = streamId.indexOf('-');
		return streamId.substring(0, dash + 1) + (Long.parseLong(streamId.substring(dash + 1)) + 1);
	}

	/** An EVENT_APPLIED change of {@code contactId} in {@code programId}. */
	public static Change event(String eventId, String contactId, String programId) {
		return Change.eventApplied(new InteractionEvent(eventId, contactId, programId, "l-1", EventType.QUIZ_ANSWERED,
				APPLIED.minusSeconds(60), null, "q-1", true, 87.5, 2L, Map.of()), APPLIED);
	}

	public static Change progress(String contactId, String programId, int lessonsCompleted) {
		return Change.progressChanged(contactId, programId,
				new ProgressSnapshot(lessonsCompleted, APPLIED.minusSeconds(60), 0.5, ComplianceStatus.NON_COMPLIANT),
				APPLIED);
	}

	public static Change compliance(String contactId, String programId) {
		return Change.complianceChanged(contactId, programId,
				new ComplianceMove(ComplianceStatus.NON_COMPLIANT, ComplianceStatus.COMPLIANT), APPLIED);
	}

	public static Change removal(String contactId) {
		return Change.contactRemoved(contactId, APPLIED);
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
		this.clients.destroy();
	}

}
