package io.rollcall.devstack.junit;

import io.rollcall.devstack.elasticsearch.ElasticsearchCluster;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.redis.RedisCluster;

/**
 * An Elasticsearch cluster of {@value #ELASTICSEARCH_NODES} nodes and a Redis Cluster of
 * {@value #REDIS_MASTERS} masters, each with a replica, all local processes
 * ({@code -Drollcall.devstack.topology=cluster}).
 */
final class ClusterServices implements Services {

	static final int ELASTICSEARCH_NODES = 3;

	static final int REDIS_MASTERS = 3;

	private final ElasticsearchCluster elasticsearch;

	private final RedisCluster redis;

	private ClusterServices(ElasticsearchCluster elasticsearch, RedisCluster redis) {
		this.elasticsearch = elasticsearch;
		this.redis = redis;
	}

	/**
	 * Forms the Redis Cluster while Elasticsearch boots, which takes most of the time.
	 */
	static ClusterServices start(ElasticsearchOptions elasticsearchOptions) {
		return LocalServices.startTogether(() -> ElasticsearchCluster.start(elasticsearchOptions, ELASTICSEARCH_NODES),
				ElasticsearchCluster::close, () -> RedisCluster.start(REDIS_MASTERS), RedisCluster::close,
				ClusterServices::new);
	}

	ElasticsearchCluster elasticsearch() {
		return this.elasticsearch;
	}

	RedisCluster redis() {
		return this.redis;
	}

	@Override
	public String elasticsearchUrl() {
		return this.elasticsearch.url();
	}

	@Override
	public String elasticsearchUrls() {
		return this.elasticsearch.urls();
	}

	@Override
	public String redisUrl() {
		return this.redis.url();
	}

	@Override
	public void flushRedis() {
		this.redis.flushAll();
	}

	@Override
	public void stopElasticsearch() {
		this.elasticsearch.stop();
	}

	@Override
	public void startElasticsearch() {
		this.elasticsearch.start();
	}

	@Override
	public void stopRedis() {
		this.redis.stop();
	}

	@Override
	public void startRedis() {
		this.redis.start();
	}

	@Override
	public void close() {
		this.redis.close();
		this.elasticsearch.close();
	}

}
