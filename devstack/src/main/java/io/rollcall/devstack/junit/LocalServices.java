package io.rollcall.devstack.junit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

	static LocalServices start(ElasticsearchOptions elasticsearchOptions) {
		return startTogether(() -> ElasticsearchNode.start(elasticsearchOptions), ElasticsearchNode::close,
				() -> RedisServer.start(RedisOptions.inMemory()), RedisServer::close, LocalServices::new);
	}

	/**
	 * Starts Redis while Elasticsearch boots, which takes most of the time; when either
	 * fails, closes the other and throws.
	 */
	static <E, R, S> S startTogether(Supplier<E> elasticsearch, Consumer<E> closeElasticsearch, Supplier<R> redis,
			Consumer<R> closeRedis, BiFunction<E, R, S> services) {
		CompletableFuture<E> startingElasticsearch = CompletableFuture.supplyAsync(elasticsearch);
		R startedRedis;
		try {
			startedRedis = redis.get();
		}
		catch (RuntimeException ex) {
			startingElasticsearch.thenAccept(closeElasticsearch);
			throw ex;
		}
		try {
			return services.apply(startingElasticsearch.join(), startedRedis);
		}
		catch (CompletionException ex) {
			closeRedis.accept(startedRedis);
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
