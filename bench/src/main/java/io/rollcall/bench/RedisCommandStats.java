package io.rollcall.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis's own count of the commands it ran, by command ({@code INFO commandstats}): what
 * the api and the indexer cost Redis, read before and after a window. On a Redis Cluster
 * the counts are summed over its masters, which run every command the apps send (their
 * replicas only replay the writes); the clients' topology refreshes
 * ({@code cluster|nodes}) are among them. The benchmark's own {@code INFO} and
 * {@code XINFO} (the backlog check) are left out.
 */
final class RedisCommandStats implements AutoCloseable {

	private static final Pattern LINE = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+)", Pattern.MULTILINE);

	private final RedisClient client;

	private final List<StatefulRedisConnection<String, String>> connections;

	/**
	 * Reads the servers at {@code serverUrls}: one Redis, or every master of a Redis
	 * Cluster.
	 */
	RedisCommandStats(List<String> serverUrls) {
		this.client = RedisClient.create();
		this.connections = serverUrls.stream().map(url -> this.client.connect(RedisURI.create(url))).toList();
	}

	/** How many servers the counts are summed over. */
	int servers() {
		return this.connections.size();
	}

	/**
	 * Calls so far by command name (lower case, e.g. {@code get}, {@code evalsha}),
	 * summed over the servers.
	 */
	Map<String, Long> calls() {
		return total(this.connections.stream().map(connection -> connection.sync().info("commandstats")).toList());
	}

	/** The calls of every server's {@code INFO commandstats}, summed by command. */
	static Map<String, Long> total(List<String> infos) {
		Map<String, Long> calls = new TreeMap<>();
		infos.forEach(info -> parse(info).forEach((command, made) -> calls.merge(command, made, Long::sum)));
		return calls;
	}

	static Map<String, Long> parse(String info) {
		Map<String, Long> calls = new TreeMap<>();
		Matcher matcher = LINE.matcher(info);
		while (matcher.find()) {
			String command = matcher.group(1).toLowerCase(Locale.ROOT);
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
		this.connections.forEach(StatefulRedisConnection::close);
		this.client.shutdown();
	}

}
