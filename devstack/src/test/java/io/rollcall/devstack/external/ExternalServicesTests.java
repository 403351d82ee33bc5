package io.rollcall.devstack.external;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ExternalServicesTests {

	@Test
	void bothVariablesNameTheServices() {
		assertThat(ExternalServices.from(property -> null,
				Map.of("ELASTICSEARCH_URL", "http://10.0.0.1:9200,http://10.0.0.2:9200", "REDIS_URL",
						"redis://10.0.0.3:6379,10.0.0.4:6379")))
			.contains(new ExternalServices("http://10.0.0.1:9200,http://10.0.0.2:9200",
					"redis://10.0.0.3:6379,10.0.0.4:6379"));
	}

	@Test
	void systemPropertiesWinOverTheEnvironment() {
		Map<String, String> properties = Map.of(ExternalServices.ELASTICSEARCH_URL_PROPERTY, "http://127.0.0.1:1",
				ExternalServices.REDIS_URL_PROPERTY, "redis://127.0.0.1:2");
		assertThat(ExternalServices.from(properties::get,
				Map.of("ELASTICSEARCH_URL", "http://elsewhere:9200", "REDIS_URL", "redis://elsewhere:6379")))
			.contains(new ExternalServices("http://127.0.0.1:1", "redis://127.0.0.1:2"));
	}

	@Test
	void neitherOrBlankMeansLocalServices() {
		assertThat(ExternalServices.from(property -> null, Map.of())).isEmpty();
		assertThat(ExternalServices.from(property -> null, Map.of("ELASTICSEARCH_URL", " ", "REDIS_URL", "")))
			.isEmpty();
	}

	@Test
	void onlyOneIsAMistakeSaidAtOnce() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ExternalServices.from(property -> null, Map.of("REDIS_URL", "redis://127.0.0.1:6379")))
			.withMessageContaining("Set both ELASTICSEARCH_URL and REDIS_URL");
	}

	@Test
	void theFirstElasticsearchAddressAnswersDevstacksOwnRequests() {
		assertThat(new ExternalServices("http://10.0.0.1:9200, http://10.0.0.2:9200", "redis://10.0.0.3:6379")
			.firstElasticsearchUrl()).isEqualTo("http://10.0.0.1:9200");
	}

}
