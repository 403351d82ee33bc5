package io.rollcall.devstack.junit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.rollcall.devstack.elasticsearch.ElasticsearchNode;
import io.rollcall.devstack.elasticsearch.ElasticsearchOptions;
import io.rollcall.devstack.redis.RedisOptions;
import io.rollcall.devstack.redis.RedisServer;

/** A temporary Elasticsearch node and an in-memory Redis, both local processes. */
final class LocalServices implements Services {

	private final ElasticsearchNode elasticsearch;

	private final RedisServer redis;

	private LocalServices(ElasticsearchNode elasticsearch, RedisServer redis) {
		this.elasticsearch = elasticsearch;
		this.redis = redis;
	}

	/** Starts Redis while Elasticsearch boots, which takes most of the time. */
	static LocalServices start(ElasticsearchOptions elasticsearchOptions) {
		CompletableFuture<ElasticsearchNode> elasticsearch = CompletableFuture
			.supplyAsync(() -> ElasticsearchNode.start(elasticsearchOptions));
		RedisServer redis;
		try {
			redis = RedisServer.start(RedisOptions.inMemory());
		}
		catch (RuntimeException ex) {
			elasticsearch.thenAccept(ElasticsearchNode::close);
			throw ex;
		}
		try {
			return new LocalServices(elasticsearch.join(), redis);
		}
		catch (CompletionException ex) {
			redis.close();
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	@Override
	public String elasticsearchUrl() {
		return this.elasticsearch.url();
	}

	@Override
	public String redisUrl() {
		return this.redis.url();
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
