package io.rollcall.helm;

import io.rollcall.helm.Chart.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are referenced, never inlined: whatever secret values are given, no Deployment
 * carries them, in plain or in base64.
 */
class SecretTests {

	private static final String API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";

	private static final String PASSWORD = "correct-horse-battery-staple";

	private static final String REDIS_PASSWORD = "redis-s3cret-41";

	private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2E=\n-----END CERTIFICATE-----\n";

	private final Manifests inline = Chart.render(Map.of("elasticsearch.auth", "apiKey", "secrets.elasticsearchApiKey",
			API_KEY, "redis.auth", "password", "secrets.redisPassword", REDIS_PASSWORD,
			"elasticsearch.tls.caCertificate.enabled", "true", "secrets.elasticsearchCaCertificate", CA));

	@Test
	void noDeploymentCarriesASecretValue() {
		Manifests basic = Chart.render(Map.of("elasticsearch.auth", "basic", "elasticsearch.username", "rollcall",
				"secrets.elasticsearchPassword", PASSWORD));

		for (Manifests manifests : List.of(this.inline, basic)) {
			for (JsonNode deployment : manifests.ofKind("Deployment")) {
				String text = deployment.toString();
				for (String secret : List.of(API_KEY, PASSWORD, REDIS_PASSWORD, CA.strip(),
						"MIIBszCCAVmgAwIBAgIUQ2E=")) {
					assertThat(text).doesNotContain(secret).doesNotContain(base64(secret));
				}
			}
		}
	}

	@Test
	void givenValuesTheChartRendersTheSecretAndEveryPodReferencesIt() {
		JsonNode secret = this.inline.get("Secret", "rollcall");

		assertThat(decoded(secret, "elasticsearch-api-key")).isEqualTo(API_KEY);
		assertThat(decoded(secret, "redis-password")).isEqualTo(REDIS_PASSWORD);
		assertThat(decoded(secret, "elasticsearch-ca.crt")).isEqualTo(CA);
		for (String component : List.of("api", "indexer")) {
			assertThat(this.inline.env(component, "ROLLCALL_ELASTICSEARCH_API_KEY").path("valueFrom"))
				.hasToString("{\"secretKeyRef\":{\"name\":\"rollcall\",\"key\":\"elasticsearch-api-key\"}}");
			assertThat(this.inline.env(component, "ROLLCALL_REDIS_PASSWORD").path("valueFrom"))
				.hasToString("{\"secretKeyRef\":{\"name\":\"rollcall\",\"key\":\"redis-password\"}}");
			assertThat(this.inline.get("Deployment", "rollcall-" + component)
				.at("/spec/template/metadata/annotations/checksum~1secret")
				.asString()).as("pods restart when the secret changes").hasSize(64);
		}
	}

	@Test
	void withAnExistingSecretTheChartRendersNoneAndReferencesThatOne() {
		Manifests production = Chart.render(Chart.PRODUCTION_VALUES, Map.of());

		assertThat(production.ofKind("Secret")).isEmpty();
		for (String component : List.of("api", "indexer")) {
			assertThat(production.env(component, "ROLLCALL_ELASTICSEARCH_API_KEY")
				.at("/valueFrom/secretKeyRef/name")
				.asString()).isEqualTo("rollcall-credentials");
			assertThat(
					production.env(component, "ROLLCALL_REDIS_PASSWORD").at("/valueFrom/secretKeyRef/name").asString())
				.isEqualTo("rollcall-credentials");
			assertThat(production.get("Deployment", "rollcall-" + component)
				.at("/spec/template/metadata/annotations")
				.path("checksum/secret")
				.isMissingNode()).isTrue();
		}
	}

	@Test
	void caCertificatesAreMountedFilesFromTheirSecretsAndTheAppsAreToldWhere() {
		Manifests production = Chart.render(Chart.PRODUCTION_VALUES, Map.of());
		JsonNode pod = production.get("Deployment", "rollcall-indexer").at("/spec/template/spec");
		JsonNode sources = pod.path("volumes")
			.valueStream()
			.filter(volume -> "tls".equals(volume.path("name").asString()))
			.findFirst()
			.orElseThrow()
			.at("/projected/sources");

		assertThat(sources.valueStream()
			.map(source -> source.at("/secret/name").asString() + ":" + source.at("/secret/items/0/key").asString()
					+ "->" + source.at("/secret/items/0/path").asString()))
			.containsExactly("analytics-es-http-certs-public:ca.crt->elasticsearch-ca.crt",
					"rollcall-credentials:redis-ca.crt->redis-ca.crt");
		assertThat(pod.at("/containers/0/volumeMounts").valueStream()).anySatisfy(
				mount -> assertThat(mount.toString()).contains("/etc/rollcall/tls").contains("\"readOnly\":true"));
		assertThat(production.env("indexer", "ROLLCALL_ELASTICSEARCH_CA_CERTIFICATE").path("value").asString())
			.isEqualTo("file:/etc/rollcall/tls/elasticsearch-ca.crt");
		assertThat(production.env("indexer", "ROLLCALL_REDIS_CA_CERTIFICATE").path("value").asString())
			.isEqualTo("file:/etc/rollcall/tls/redis-ca.crt");
	}

	@Test
	void withoutCredentialsNothingSecretIsRenderedOrReferenced() {
		Manifests defaults = Chart.render();

		assertThat(defaults.ofKind("Secret")).isEmpty();
		assertThat(defaults.container("api").path("env").toString()).doesNotContain("secretKeyRef");
		assertThat(defaults.container("api").path("volumeMounts").toString()).doesNotContain("/etc/rollcall/tls");
	}

	private static String decoded(JsonNode secret, String key) {
		return new String(Base64.getDecoder().decode(secret.at("/data/" + key).asString()), StandardCharsets.UTF_8);
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
