package io.rollcall.helm;

import io.rollcall.helm.Chart.Manifests;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Deployments: probes, security, resources, images and the settings each
 * application reads from its environment.
 */
class WorkloadTests {

	private final Manifests defaults = Chart.render();

	private final Manifests production = Chart.render(Chart.PRODUCTION_VALUES, Map.of());

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void probesAskTheHealthGroupsOnTheManagementPort(String component) {
		JsonNode container = this.defaults.container(component);

		assertThat(containerPort(container, "management")).isEqualTo(9090);
		assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
		assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		for (String probe : new String[] { "livenessProbe", "readinessProbe", "startupProbe" }) {
			assertThat(container.at("/" + probe + "/httpGet/port").asString()).as(probe).isEqualTo("management");
		}
		assertThat(container.at("/startupProbe/periodSeconds").asInt()
				* container.at("/startupProbe/failureThreshold").asInt())
			.as("seconds a start may take")
			.isEqualTo(180);
	}

	@Test
	void theDashboardPageIsOffUnlessAskedFor() {
		assertThat(this.defaults.env("api", "ROLLCALL_PAGE_ENABLED").path("value").asString()).isEqualTo("false");
		assertThat(this.defaults.env("api", "ROLLCALL_PAGE_CLIENT_ID").isMissingNode()).isTrue();

		Manifests page = Chart.render(Map.of("api.page.enabled", "true", "api.page.clientId", "crm-dashboard",
				"api.page.programId", "spring-cohort"));
		assertThat(page.env("api", "ROLLCALL_PAGE_ENABLED").path("value").asString()).isEqualTo("true");
		assertThat(page.env("api", "ROLLCALL_PAGE_CLIENT_ID").path("value").asString()).isEqualTo("crm-dashboard");
		assertThat(page.env("api", "ROLLCALL_PAGE_PROGRAM_ID").path("value").asString()).isEqualTo("spring-cohort");
		assertThat(Chart.refusal(Map.of("api.page.programId", "a b"))).contains("programId");
	}

	@Test
	void theApiServesOnItsPublicPortAndManagesOnAnotherTheIndexerOnlyManages() {
		assertThat(this.defaults.env("api", "SERVER_PORT").path("value").asString()).isEqualTo("8080");
		assertThat(this.defaults.env("api", "MANAGEMENT_SERVER_PORT").path("value").asString()).isEqualTo("9090");
		assertThat(containerPort(this.defaults.container("api"), "http")).isEqualTo(8080);

		assertThat(this.defaults.env("indexer", "SERVER_PORT").path("value").asString()).isEqualTo("9090");
		assertThat(this.defaults.envNames("indexer")).doesNotContain("MANAGEMENT_SERVER_PORT");
		assertThat(this.defaults.container("indexer").path("ports")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void bindsToThePodAddressNotToLoopback(String component) {
		assertThat(this.defaults.env(component, "SERVER_ADDRESS").path("value").asString()).isEqualTo("0.0.0.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void logsJsonAndTracesWithoutExportingUnlessAnEndpointIsGiven(String component) {
		assertThat(this.defaults.env(component, "LOGGING_STRUCTURED_FORMAT_CONSOLE").path("value").asString())
			.isEqualTo("ecs");
		assertThat(this.defaults.env(component, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY").path("value").asString())
			.isEqualTo("0.1");
		assertThat(this.defaults.envNames(component)).doesNotContain(
				"MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "ROLLCALL_OBSERVABILITY_TAGGED_TENANTS");
		assertThat(Chart.render(Map.of("observability.jsonLogs", false)).envNames(component))
			.doesNotContain("LOGGING_STRUCTURED_FORMAT_CONSOLE");

		assertThat(this.production.env(component, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")
			.path("value")
			.asString()).isEqualTo("http://otel-collector.monitoring.svc:4318/v1/traces");
		assertThat(this.production.env(component, "ROLLCALL_OBSERVABILITY_TAGGED_TENANTS").path("value").asString())
			.isEqualTo("acme");
	}

	@Test
	void theApiWaitsForRedisReplicasOnlyWhenAskedTo() {
		assertThat(this.defaults.envNames("api")).doesNotContain("ROLLCALL_INGEST_REPLICA_ACKNOWLEDGEMENT_REPLICAS");

		assertThat(
				this.production.env("api", "ROLLCALL_INGEST_REPLICA_ACKNOWLEDGEMENT_REPLICAS").path("value").asString())
			.isEqualTo("1");
		assertThat(
				this.production.env("api", "ROLLCALL_INGEST_REPLICA_ACKNOWLEDGEMENT_TIMEOUT").path("value").asString())
			.isEqualTo("500ms");
		assertThat(this.production.envNames("indexer"))
			.doesNotContain("ROLLCALL_INGEST_REPLICA_ACKNOWLEDGEMENT_REPLICAS");
	}

	@Test
	void theApiKeepsServingWhileItLeavesTheServiceThenDrainsWithinTheGracePeriod() {
		JsonNode pod = this.defaults.get("Deployment", "rollcall-api").at("/spec/template/spec");
		JsonNode preStop = pod.at("/containers/0/lifecycle/preStop/exec/command");

		assertThat(preStop.valueStream().map(JsonNode::asString)).containsExactly("sleep", "5");
		// The api's own graceful shutdown takes at most 20 s (rollcall-api.yml).
		assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(5 + 20);
		assertThat(this.defaults.container("indexer").path("lifecycle").isMissingNode()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void runsAsNonRootOnAReadOnlyFilesystemWithoutCapabilities(String component) {
		JsonNode pod = this.defaults.get("Deployment", "rollcall-" + component).at("/spec/template/spec");
		JsonNode container = pod.at("/containers/0");

		assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
		assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
		assertThat(pod.at("/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
		assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
		assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
		assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
		assertThat(container.at("/securityContext/capabilities/drop").valueStream().map(JsonNode::asString))
			.containsExactly("ALL");
		assertThat(container.path("volumeMounts").valueStream())
			.anySatisfy(mount -> assertThat(mount.path("mountPath").asString()).isEqualTo("/tmp"));
		assertThat(pod.path("volumes").valueStream())
			.anySatisfy(volume -> assertThat(volume.at("/emptyDir/sizeLimit").asString()).isEqualTo("256Mi"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void requestsAndLimitsItsResourcesWithMemoryGuaranteed(String component) {
		JsonNode resources = this.production.container(component).path("resources");

		assertThat(resources.at("/requests/cpu").asString()).isNotBlank();
		assertThat(resources.at("/limits/cpu").asString()).isNotBlank();
		assertThat(resources.at("/limits/memory").asString()).isEqualTo(resources.at("/requests/memory").asString());
	}

	@Test
	void imagesCarryTheChartsAppVersionOrTheGivenDigest() {
		String appVersion = Chart.read("Chart.yaml").path("appVersion").asString();
		String digest = "sha256:" + "ab".repeat(32);
		Manifests pinned = Chart
			.render(Map.of("image.registry", "registry.example.com", "image.indexerDigest", digest));

		assertThat(this.defaults.container("api").path("image").asString())
			.isEqualTo("rollcall/rollcall-api:" + appVersion);
		assertThat(this.production.container("api").path("image").asString())
			.isEqualTo("registry.example.com/rollcall/rollcall-api:0.1.0");
		assertThat(pinned.container("indexer").path("image").asString())
			.isEqualTo("registry.example.com/rollcall/rollcall-indexer@" + digest);
	}

	@Test
	void theApiReadsTheIssuerAudienceAndClaimNamesFromValues() {
		Manifests auth0 = Chart.render(Map.of("api.security.issuerUri", "https://acme.auth0.com/",
				"api.security.claims.tenant", "https://rollcall.example.com/tenant_id"));

		assertThat(auth0.env("api", "ROLLCALL_SECURITY_ISSUER_URI").path("value").asString())
			.isEqualTo("https://acme.auth0.com/");
		assertThat(auth0.env("api", "ROLLCALL_SECURITY_AUDIENCE").path("value").asString()).isEqualTo("rollcall-api");
		assertThat(auth0.env("api", "ROLLCALL_SECURITY_CLAIMS_TENANT").path("value").asString())
			.isEqualTo("https://rollcall.example.com/tenant_id");
		assertThat(this.production.env("api", "ROLLCALL_SECURITY_CORS_ALLOWED_ORIGINS").path("value").asString())
			.isEqualTo("https://app.example.com");
		assertThat(this.defaults.envNames("indexer")).noneMatch(name -> name.startsWith("ROLLCALL_SECURITY_"));
	}

	@Test
	void rateLimitPlansReachTheApiAsItsConfigurationTree() {
		JsonNode json = Chart.YAML
			.readTree(this.production.env("api", "SPRING_APPLICATION_JSON").path("value").asString());

		assertThat(json.at("/rollcall/limits/plans/enterprise/refill-per-second").asLong()).isEqualTo(8000);
		assertThat(json.at("/rollcall/limits/tenants/acme/plan").asString()).isEqualTo("enterprise");
		assertThat(this.defaults.envNames("api")).as("no plans, no JSON").doesNotContain("SPRING_APPLICATION_JSON");
	}

	@Test
	void theIndexerGetsTheShapeOfTheIndicesItCreatesAndItsOwnConfiguration() {
		assertThat(this.production.env("indexer", "ROLLCALL_INDEX_SHARDS").path("value").asString()).isEqualTo("4");
		assertThat(this.production.env("indexer", "ROLLCALL_INDEX_REPLICAS").path("value").asString()).isEqualTo("1");
		assertThat(
				Chart.YAML.readTree(this.production.env("indexer", "SPRING_APPLICATION_JSON").path("value").asString())
					.at("/rollcall/indexer/consumers")
					.asInt())
			.isEqualTo(2);
		assertThat(this.defaults.envNames("api")).doesNotContain("ROLLCALL_INDEX_SHARDS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void bothReachTheSameElasticsearchAndRedis(String component) {
		assertThat(this.production.env(component, "ROLLCALL_ELASTICSEARCH_URL").path("value").asString())
			.isEqualTo("https://analytics-es-http.elastic-system.svc:9200");
		assertThat(this.production.env(component, "ROLLCALL_REDIS_URL").path("value").asString())
			.isEqualTo("rediss://rollcall-redis.cache.svc:6380/0");
		assertThat(this.production.env(component, "ROLLCALL_REDIS_USERNAME").path("value").asString())
			.isEqualTo("rollcall");
	}

	private static int containerPort(JsonNode container, String name) {
		return container.path("ports")
			.valueStream()
			.filter(port -> name.equals(port.path("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no port " + name))
			.path("containerPort")
			.asInt();
	}

}
