package io.rollcall.indexer.changelog;

import io.lettuce.core.ScriptOutputType;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.change.ComplianceMove;
import io.rollcall.schema.change.ComplianceStatus;
import io.rollcall.schema.stream.IngestKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The compliance status last logged for each rep of a program, so that a move is logged
 * when, and only when, a status changes. Each status is stored with the generation of the
 * rollup it was computed from: a replica that computed from an older rollup (it applied
 * its batch before another replica's, and announces after it) cannot move a rep back.
 */
@Component
class ComplianceStatuses {

	/** Accepts any current status ({@link Update#expected()}). */
	static final String ANY = "*";

	/**
	 * For each (contact, status, generation, expected) of ARGV: if the generation is not
	 * older than the stored one and the stored status is the expected one (or any),
	 * stores the status and, when it differs, returns the contact and the status it had
	 * ('' for none).
	 */
	private static final String MOVE = """
			local moves = {}
			for i = 1, #ARGV, 4 do
			  local contact, status, generation, expected = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), ARGV[i + 3]
			  local stored = redis.call('HGET', KEYS[1], contact)
			  local old, oldGeneration = '', -1
			  if stored then
			    local colon = string.find(stored, ':', 1, true)
			    old, oldGeneration = string.sub(stored, 1, colon - 1), tonumber(string.sub(stored, colon + 1))
			  end
			  if generation >= oldGeneration and (expected == '*' or expected == old) then
			    redis.call('HSET', KEYS[1], contact, status .. ':' .. ARGV[i + 2])
			    if old ~= status then
			      moves[#moves + 1] = contact
			      moves[#moves + 1] = old
			    end
			  end
			end
			return moves
			""";

	private final RedisConnection<String, String> connection;

	private final IngestKeys keys;

	ComplianceStatuses(RedisConnection<String, String> connection, IngestKeys keys) {
		this.connection = connection;
		this.keys = keys;
	}

	/**
	 * Stores {@code updates} for the reps of {@code programId} and returns the moves they
	 * made, by contact, in the order of {@code updates}.
	 */
	Map<String, ComplianceMove> move(String tenantId, String programId, List<Update> updates) {
		if (updates.isEmpty()) {
			return Map.of();
		}
		List<String> arguments = new ArrayList<>(updates.size() * 4);
		for (Update update : updates) {
			arguments.add(update.contactId());
			arguments.add(update.status().name());
			arguments.add(Long.toString(update.generation()));
			arguments.add(update.expected() == null ? ANY : update.expected());
		}
		List<String> moved = connection.sync()
			.eval(MOVE, ScriptOutputType.MULTI, new String[] { keys.complianceStatuses(tenantId, programId) },
					arguments.toArray(String[]::new));
		Map<String, ComplianceStatus> to = new LinkedHashMap<>();
		updates.forEach(update -> to.put(update.contactId(), update.status()));
		Map<String, ComplianceMove> moves = new LinkedHashMap<>();
		for (int i = 0; i < moved.size(); i += 2) {
			String contactId = moved.get(i);
			String from = moved.get(i + 1);
			moves.put(contactId,
					new ComplianceMove(from.isEmpty() ? null : ComplianceStatus.valueOf(from), to.get(contactId)));
		}
		return moves;
	}

	/**
	 * One rep's status as computed now.
	 *
	 * @param contactId the rep
	 * @param status its status
	 * @param generation the generation of the rollup it was computed from
	 * @param expected the status it must have now for this one to replace it (a sweep
	 * only moves NON_COMPLIANT reps to OVERDUE), or {@code null} for any
	 */
	record Update(String contactId, ComplianceStatus status, long generation, String expected) {
	}

}
