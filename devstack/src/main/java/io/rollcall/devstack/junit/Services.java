package io.rollcall.devstack.junit;

/**
 * Where a {@link DevStack}'s Elasticsearch and Redis come from: local processes, given
 * URLs or containers.
 */
interface Services extends AutoCloseable {

	String elasticsearchUrl();

	String redisUrl();

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
	record External(String elasticsearchUrl, String redisUrl) implements Services {

		@Override
		public void close() {
		}

	}

}
