package io.rollcall.api.persisted;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.rollcall.platform.redis.LazyConnection;
import io.rollcall.platform.redis.RedisClients;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The registry of automatic persisted queries, in Redis: documents by their SHA-256 hash
 * in one hash ({@code <prefix>{persisted}:documents}) and their last use in a sorted set
 * ({@code <prefix>{persisted}:used}), both under one hash tag so that the scripts that
 * keep them in step run on one node of a cluster too. A lookup refreshes the last use; a
 * registration removes what has not been used for the TTL and the least recently used
 * past the size limit, in the same script.
 * <p>
 * A document is what its hash names, so any replica may register it and none can
 * overwrite it with another. When Redis does not answer, a lookup finds nothing (the
 * client then sends the document whole, which runs) and a registration is skipped: the
 * registry is an optimization, never a condition of an answer.
 */
final class RedisPersistedQueries implements PersistedQueries, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisPersistedQueries.class);

	/** KEYS: documents, used. ARGV: hash, now (ms), ttl (ms). */
	private static final String LOOKUP = """
			local document = redis.call('HGET', KEYS[1], ARGV[1])
			if not document then return false end
			local used = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]) or 0)
			if used < tonumber(ARGV[2]) - tonumber(ARGV[3]) then
			  redis.call('HDEL', KEYS[1], ARGV[1])
			  redis.call('ZREM', KEYS[2], ARGV[1])
			  return false
			end
			redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
			return document
			""";

	/** KEYS: documents, used. ARGV: hash, document, now (ms), ttl (ms), max entries. */
	private static final String REGISTER = """
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
			local gone = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. (tonumber(ARGV[3]) - tonumber(ARGV[4])))
			local over = redis.call('ZCARD', KEYS[2]) - #gone - tonumber(ARGV[5])
			if over > 0 then
			  for _, hash in ipairs(redis.call('ZRANGE', KEYS[2], #gone, #gone + over - 1)) do
			    table.insert(gone, hash)
			  end
			end
			for _, hash in ipairs(gone) do
			  redis.call('HDEL', KEYS[1], hash)
			  redis.call('ZREM', KEYS[2], hash)
			end
			return #gone
			""";

	private final LazyConnection connection;

	private final String[] keys;

	private final PersistedDocumentsProperties.Automatic properties;

	private final Clock clock;

	RedisPersistedQueries(RedisClients clients, PersistedDocumentsProperties.Automatic properties, Clock clock) {
		this.connection = clients.lazyConnection();
		String prefix = clients.properties().keyPrefix() + "{persisted}:";
		this.keys = new String[] { prefix + "documents", prefix + "used" };
		this.properties = properties;
		this.clock = clock;
	}

	/** The document registered under {@code hash}, if Redis has it and answers. */
	@Override
	public Optional<String> lookup(String hash) {
		try {
			String document = connection.get()
				.sync()
				.eval(LOOKUP, ScriptOutputType.VALUE, keys, hash, Long.toString(clock.millis()),
						Long.toString(properties.ttl().toMillis()));
			return Optional.ofNullable(document);
		}
		catch (RedisException e) {
			log.debug("persisted query lookup skipped: {}", e.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * Registers {@code document} under its {@code hash}, unless it is larger than
	 * {@code max-document-size}.
	 */
	@Override
	public void register(String hash, String document) {
		if (document.getBytes(StandardCharsets.UTF_8).length > properties.maxDocumentSize().toBytes()) {
			return;
		}
		try {
			connection.get()
				.sync()
				.eval(REGISTER, ScriptOutputType.INTEGER, keys, hash, document, Long.toString(clock.millis()),
						Long.toString(properties.ttl().toMillis()), Integer.toString(properties.maxEntries()));
		}
		catch (RedisException e) {
			log.debug("persisted query registration skipped: {}", e.getMessage());
		}
	}

	@Override
	public void destroy() {
		connection.close();
	}

}
