package io.rollcall.indexer.changelog;

import io.lettuce.core.ScriptOutputType;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.change.Change;
import io.rollcall.schema.change.ChangeLogEntry;
import io.rollcall.schema.stream.IngestKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The tenants' change logs in Redis: one stream per tenant, whose entry ids are the
 * cursors clients resume from. Appending and trimming are scripts, each atomic within the
 * tenant's keys (one hash slot, by the tenant hash tag).
 */
@Component
class RedisChangeLog {

	/**
	 * Changes per append: one script call blocks Redis while it runs, so a large batch is
	 * appended in steps of this size (the log stays in order: the steps follow each
	 * other).
	 */
	static final int APPEND_STEP = 500;

	/** Entries retention removes per tenant in one pass, for the same reason. */
	static final int TRIM_STEP = 10_000;

	/**
	 * Revives contacts written again after their removal, then appends every change
	 * except those of a contact the log announced as removed; a removal is appended and
	 * remembered. Checked in the script, so whichever replica appends last, nothing of a
	 * removed rep follows its CONTACT_REMOVED.
	 */
	private static final String APPEND = """
			local i = 1
			local revived = tonumber(ARGV[i]); i = i + 1
			for r = 1, revived do
			  redis.call('SREM', KEYS[2], ARGV[i]); i = i + 1
			end
			local appended = 0
			while i <= #ARGV do
			  local contact, kind, count = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
			  local fields = {}
			  for f = 1, count * 2 do fields[f] = ARGV[i + 2 + f] end
			  i = i + 3 + count * 2
			  local removal = kind == 'CONTACT_REMOVED'
			  if removal then redis.call('SADD', KEYS[2], contact) end
			  if removal or redis.call('SISMEMBER', KEYS[2], contact) == 0 then
			    redis.call('XADD', KEYS[1], '*', unpack(fields))
			    appended = appended + 1
			  end
			end
			return appended
			""";

	/**
	 * Removes entries older than ARGV[1] (an id) and, of the rest, the oldest beyond
	 * ARGV[2] entries (at most ARGV[3] of them), and raises the floor (KEYS[2]) to the
	 * newest entry removed, in one atomic step: a reader sees either the entries or the
	 * floor that says they are gone, never neither.
	 */
	private static final String TRIM = """
			local function newer(a, b)
			  if b == false then return true end
			  local ams, aseq = string.match(a, '(%d+)-(%d+)')
			  local bms, bseq = string.match(b, '(%d+)-(%d+)')
			  ams, aseq, bms, bseq = tonumber(ams), tonumber(aseq), tonumber(bms), tonumber(bseq)
			  return ams > bms or (ams == bms and aseq > bseq)
			end
			local newest = false
			local removed = 0
			local expired = redis.call('XREVRANGE', KEYS[1], '(' .. ARGV[1], '-', 'COUNT', 1)
			if #expired > 0 then
			  newest = expired[1][1]
			  removed = redis.call('XTRIM', KEYS[1], 'MINID', ARGV[1])
			end
			local excess = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[2])
			if excess > 0 then
			  local victims = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', math.min(excess, tonumber(ARGV[3])))
			  local last = victims[#victims][1]
			  local ms, seq = string.match(last, '(%d+)-(%d+)')
			  removed = removed + redis.call('XTRIM', KEYS[1], 'MINID', ms .. '-' .. (tonumber(seq) + 1))
			  newest = last
			end
			if newest and newer(newest, redis.call('GET', KEYS[2])) then
			  redis.call('SET', KEYS[2], newest)
			end
			return removed
			""";

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	RedisChangeLog(RedisConnection<String, String> connection, IngestKeys keys) {
		this.connection = connection;
		this.keys = keys;
	}

	/**
	 * Appends {@code changes} to {@code tenantId}'s log in their order, after reviving
	 * {@code revived} (contacts written again since a removal).
	 */
	void append(String tenantId, List<Change> changes, Collection<String> revived) {
		if (changes.isEmpty() && revived.isEmpty()) {
			return;
		}
		String[] logKeys = { keys.changeLog(tenantId), keys.changeLogRemoved(tenantId) };
		List<String> revive = List.copyOf(revived);
		for (int from = 0; from == 0 || from < changes.size(); from += APPEND_STEP) {
			List<String> arguments = new ArrayList<>();
			arguments.add(Integer.toString(from == 0 ? revive.size() : 0));
			if (from == 0) {
				arguments.addAll(revive);
			}
			for (Change change : changes.subList(from, Math.min(changes.size(), from + APPEND_STEP))) {
				Map<String, String> fields = ChangeLogEntry.fields(change);
				arguments.add(change.contactId());
				arguments.add(change.kind().name());
				arguments.add(Integer.toString(fields.size()));
				fields.forEach((field, value) -> {
					arguments.add(field);
					arguments.add(value);
				});
			}
			connection.sync().eval(APPEND, ScriptOutputType.INTEGER, logKeys, arguments.toArray(String[]::new));
		}
		if (!changes.isEmpty()) {
			connection.sync().sadd(keys.changeLogTenants(), tenantId);
		}
	}

	/**
	 * Removes from {@code tenantId}'s log what is older than {@code oldestKept} (epoch
	 * millis) or beyond {@code maxLength} entries, raising the log's floor to the newest
	 * entry removed. Returns how many entries went.
	 */
	long trim(String tenantId, long oldestKept, long maxLength) {
		String[] logKeys = { keys.changeLog(tenantId), keys.changeLogFloor(tenantId) };
		Long removed = connection.sync()
			.eval(TRIM, ScriptOutputType.INTEGER, logKeys, oldestKept + "-0", Long.toString(maxLength),
					Integer.toString(TRIM_STEP));
		return removed == null ? 0 : removed;
	}

	/** The tenants that have a change log. */
	Set<String> tenants() {
		return connection.sync().smembers(keys.changeLogTenants());
	}

}
