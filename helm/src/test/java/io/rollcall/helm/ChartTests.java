package io.rollcall.helm;

import com.marcnuri.helm.LintResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart as a whole: Helm's strict lint, its version, and the values it refuses
 * (values.schema.json and the templates' own checks) before anything reaches a cluster.
 */
class ChartTests {

	@Test
	void lintsWithoutWarnings() {
		LintResult lint = Chart.lintStrict();

		assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
	}

	@Test
	void appVersionIsTheVersionTheImagesAreBuiltWith() {
		String projectVersion = System.getProperty("rollcall.version");

		assertThat(projectVersion).isNotBlank();
		assertThat(Chart.read("Chart.yaml").path("appVersion").asString()).isEqualTo(projectVersion);
	}

	@Test
	void rendersWithTheDefaultsAndWithTheProductionExample() {
		assertThat(Chart.render().names()).contains("Deployment/rollcall-api", "Deployment/rollcall-indexer",
				"Service/rollcall-api");
		assertThat(Chart.render(Chart.PRODUCTION_VALUES, Map.of()).names()).contains("Ingress/rollcall-api",
				"ServiceMonitor/rollcall", "PrometheusRule/rollcall", "ConfigMap/rollcall-dashboard");
	}

	@Test
	void schemaRefusesAReplicaCountThatIsNotANumber() {
		String refusal = Chart.refusal(Map.of("api.replicas", "two"));

		assertThat(refusal).contains("values don't meet the specifications of the schema").contains("replicas");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			api.autoscaling.maxReplicas    | 0                  | maxReplicas
			indexer.replica                | 3                  | replica
			elasticsearch.auth             | token              | auth
			elasticsearch.url              | elasticsearch:9200 | url
			redis.url                      | http://redis:6379  | url
			elasticsearch.index.shards     | 0                  | shards
			image.apiDigest                | latest             | apiDigest
			api.ports.management           | 70000              | management
			elasticsearch.connectTimeout   | two seconds        | connectTimeout
			""")
	void schemaRefusesValuesThatCannotWork(String key, String value, String named) {
		String refusal = Chart.refusal(Map.of(key, value));

		assertThat(refusal).contains("values don't meet the specifications of the schema").contains(named);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					elasticsearch.auth=apiKey                          |                                         | elasticsearch.auth=apiKey needs
					elasticsearch.auth=basic                           | secrets.elasticsearchPassword=s3cret      | elasticsearch.auth=basic needs elasticsearch.username
					redis.auth=password                                |                                         | redis.auth=password needs
					secrets.existingSecret=mine                        | secrets.redisPassword=s3cret              | leave the secret values
					elasticsearch.tls.caCertificate.enabled=true       |                                         | elasticsearch.tls.caCertificate.enabled needs
					secrets.redisCaCertificate=PEM                     |                                         | it would be ignored
					""")
	void refusesSettingsThatWouldDeployPodsUnableToConnect(String first, String second, String message) {
		Map<String, Object> sets = new java.util.HashMap<>();
		for (String set : second == null ? new String[] { first } : new String[] { first, second }) {
			String[] keyValue = set.split("=", 2);
			sets.put(keyValue[0], keyValue[1]);
		}

		assertThat(Chart.refusal(sets)).contains(message);
	}

}
