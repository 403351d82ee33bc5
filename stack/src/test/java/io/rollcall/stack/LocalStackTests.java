package io.rollcall.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.devstack.external.ExternalServices;
import org.junit.jupiter.api.Test;

/**
 * The run command against services someone else runs: the applications get those
 * addresses as they are (a cluster's several nodes included), and the welcome says they
 * were not started here.
 */
class LocalStackTests {

	@Test
	void externalServicesReachBothApplicationsAsGiven() {
		LocalStack.Stores stores = LocalStack
			.external(new ExternalServices("http://10.0.0.1:9200,http://10.0.0.2:9200,http://10.0.0.3:9200",
					"redis://10.0.0.4:6379,10.0.0.5:6379"));

		assertThat(stores.properties())
			.containsEntry("rollcall.elasticsearch.url",
					"http://10.0.0.1:9200,http://10.0.0.2:9200,http://10.0.0.3:9200")
			.containsEntry("rollcall.redis.url", "redis://10.0.0.4:6379,10.0.0.5:6379")
			.hasSize(2);
		assertThat(stores.elasticsearchNote()).contains("ELASTICSEARCH_URL", "not started here");
		assertThat(stores.redisNote()).contains("REDIS_URL", "not started here");
	}

}
