package io.rollcall.devstack.junit;

import io.rollcall.devstack.external.ExternalServices;
import io.rollcall.devstack.redis.RedisCommand;

/**
 * Where a {@link DevStack}'s Elasticsearch and Redis come from: local processes, given
 * URLs or containers.
 */
interface Services extends AutoCloseable {

	/** The URL of an Elasticsearch node that answers, for devstack's own requests. */
	String elasticsearchUrl();

	/** Every Elasticsearch node's URL, comma-separated, for the applications' clients. */
	default String elasticsearchUrls() {
		return elasticsearchUrl();
	}

	String redisUrl();

	/** Deletes every key. */
	default void flushRedis() {
		RedisCommand.expect(redisUrl(), "+OK", "FLUSHALL");
	}

	default void stopElasticsearch() {
		throw unsupported();
	}

	default void startElasticsearch() {
		throw unsupported();
	}

	default void stopRedis() {
		throw unsupported();
	}

	default void startRedis() {
		throw unsupported();
	}

	@Override
	void close();

	private UnsupportedOperationException unsupported() {
		return new UnsupportedOperationException(
				"Stopping and starting services needs the local devstack services, not " + getClass().getSimpleName()
						+ ": unset ELASTICSEARCH_URL/REDIS_URL and -Drollcall.devstack");
	}

	/**
	 * Services someone else runs ({@code ELASTICSEARCH_URL}/{@code REDIS_URL}); devstack
	 * never stops them.
	 */
	record External(ExternalServices services) implements Services {

		@Override
		public String elasticsearchUrl() {
			return this.services.firstElasticsearchUrl();
		}

		@Override
		public String elasticsearchUrls() {
			return this.services.elasticsearchUrl();
		}

		@Override
		public String redisUrl() {
			return this.services.redisUrl();
		}

		/**
		 * {@code FLUSHALL} on each node the URL names that is a master (replicas follow).
		 */
		@Override
		public void flushRedis() {
			String nodes = this.services.redisUrl().substring(this.services.redisUrl().indexOf("//") + 2);
			for (String node : nodes.split(",")) {
				String url = "redis://" + node.strip();
				if (RedisCommand.text(url, "INFO", "replication").contains("role:master")) {
					RedisCommand.expect(url, "+OK", "FLUSHALL");
				}
			}
		}

		@Override
		public void close() {
		}

	}

}
