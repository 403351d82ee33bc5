package io.rollcall.helm;

import io.rollcall.helm.Chart.Manifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who can reach what: the public Service and Ingress carry the api's public port only;
 * the management ports (health, Prometheus, dead letters) are on no public Service and
 * open only to the NetworkPolicy's managementFrom.
 */
class NetworkTests {

	private final Manifests defaults = Chart.render();

	private final Manifests production = Chart.render(Chart.PRODUCTION_VALUES, Map.of());

	@Test
	void thePublicServiceCarriesOnlyTheApisPublicPort() {
		for (Manifests manifests : List.of(this.defaults, this.production)) {
			JsonNode service = manifests.get("Service", "rollcall-api");

			assertThat(service.at("/spec/type").asString()).isEqualTo("ClusterIP");
			assertThat(service.at("/spec/selector/app.kubernetes.io~1component").asString()).isEqualTo("api");
			assertThat(service.at("/spec/ports")).hasSize(1);
			assertThat(service.at("/spec/ports/0/targetPort").asString()).isEqualTo("http");
		}
	}

	@Test
	void managementPortsAreOnHeadlessServicesForPrometheusOnly() {
		assertThat(this.defaults.ofKind("Service")).hasSize(1);

		for (String component : List.of("api", "indexer")) {
			JsonNode service = this.production.get("Service", "rollcall-" + component + "-management");

			assertThat(service.at("/spec/clusterIP").asString()).isEqualTo("None");
			assertThat(service.at("/spec/type").asString()).isEqualTo("ClusterIP");
			assertThat(service.at("/spec/ports/0/targetPort").asString()).isEqualTo("management");
			assertThat(service.at("/spec/ports")).hasSize(1);
		}
		assertThat(this.production.ofKind("Service")).hasSize(3);
	}

	@Test
	void theIngressRoutesTheHostToThePublicPortWithTls() {
		JsonNode ingress = this.production.get("Ingress", "rollcall-api");

		assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo("analytics.example.com");
		assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asString()).isEqualTo("rollcall-api");
		assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asString()).isEqualTo("http");
		assertThat(ingress.at("/spec/tls/0/secretName").asString()).isEqualTo("analytics-example-com-tls");
		assertThat(this.defaults.ofKind("Ingress")).as("off by default").isEmpty();
	}

	@Test
	void theApisPolicyOpensThePublicPortToClientsAndManagementToMonitoringOnly() {
		JsonNode policy = this.production.get("NetworkPolicy", "rollcall-api");

		assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asString()).isEqualTo("api");
		assertThat(policy.at("/spec/policyTypes").valueStream().map(JsonNode::asString)).containsExactly("Ingress");
		assertThat(policy.at("/spec/ingress")).hasSize(2);
		assertThat(
				rule(policy, 8080).at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString())
			.isEqualTo("ingress-nginx");
		assertThat(rule(policy, 9090).at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asString())
			.isEqualTo("prometheus");
	}

	@Test
	void theIndexersPolicyOpensNothingButManagement() {
		JsonNode policy = this.defaults.get("NetworkPolicy", "rollcall-indexer");

		assertThat(policy.at("/spec/ingress")).hasSize(1);
		assertThat(
				rule(policy, 9090).at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString())
			.isEqualTo("monitoring");
	}

	@Test
	void withNobodyAllowedTheManagementPortGetsNoRuleAtAll() {
		Manifests closed = Chart.render(Map.of("networkPolicy.managementFrom", "null"));

		assertThat(closed.get("NetworkPolicy", "rollcall-indexer").at("/spec/ingress")).isEmpty();
		assertThat(closed.get("NetworkPolicy", "rollcall-api").at("/spec/ingress")).hasSize(1);
		assertThat(rule(closed.get("NetworkPolicy", "rollcall-api"), 8080).path("from").isMissingNode()).isTrue();
	}

	@Test
	void egressCanBeLimitedToDnsAndTheGivenRules() {
		Manifests limited = Chart.render(Map.of("networkPolicy.egress.enabled", "true"));
		JsonNode policy = limited.get("NetworkPolicy", "rollcall-api");

		assertThat(policy.at("/spec/policyTypes").valueStream().map(JsonNode::asString)).containsExactly("Ingress",
				"Egress");
		assertThat(policy.at("/spec/egress/0/ports").valueStream().map(port -> port.path("port").asInt()))
			.containsOnly(53);
	}

	private static JsonNode rule(JsonNode policy, int port) {
		return policy.at("/spec/ingress")
			.valueStream()
			.filter(rule -> rule.at("/ports/0/port").asInt() == port)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no rule for port " + port + " in " + policy));
	}

}
