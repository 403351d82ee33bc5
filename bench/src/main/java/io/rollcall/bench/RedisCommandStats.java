package io.rollcall.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis's own count of the commands it ran, by command ({@code INFO commandstats}): what
 * the api and the indexer cost Redis, read before and after a window. The benchmark's own
 * {@code INFO} and {@code XINFO} (the backlog check) are left out.
 */
final class RedisCommandStats implements AutoCloseable {

	private static final Pattern LINE = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+)", Pattern.MULTILINE);

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	RedisCommandStats(String redisUrl) {
		this.client = RedisClient.create(redisUrl);
		this.connection = this.client.connect();
	}

	/** Calls so far by command name (lower case, e.g. {@code get}, {@code evalsha}). */
	Map<String, Long> calls() {
		return parse(this.connection.sync().info("commandstats"));
	}

	static Map<String, Long> parse(String info) {
		Map<String, Long> calls = new TreeMap<>();
		Matcher matcher = LINE.matcher(info);
		while (matcher.find()) {
			String command = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
			if (!command.equals("info") && !command.startsWith("xinfo")) {
				calls.put(command, Long.parseLong(matcher.group(2)));
			}
		}
		return calls;
	}

	/** Calls between two readings, by command; commands not called left out. */
	static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new TreeMap<>();
		after.forEach((command, calls) -> {
			long made = calls - before.getOrDefault(command, 0L);
			if (made > 0) {
				delta.put(command, made);
			}
		});
		return delta;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
