package io.rollcall.helm;

import io.rollcall.helm.Chart.Manifests;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scaling and disruptions: each Deployment has its own autoscaler and disruption budget,
 * rolls out without losing capacity, and spreads over zones and nodes.
 */
class AvailabilityTests {

	private final Manifests defaults = Chart.render();

	@Test
	void eachComponentScalesOnItsOwn() {
		Manifests production = Chart.render(Chart.PRODUCTION_VALUES, Map.of());
		JsonNode api = production.get("HorizontalPodAutoscaler", "rollcall-api");
		JsonNode indexer = production.get("HorizontalPodAutoscaler", "rollcall-indexer");

		assertThat(api.at("/spec/scaleTargetRef/name").asString()).isEqualTo("rollcall-api");
		assertThat(api.at("/spec/minReplicas").asInt()).isEqualTo(3);
		assertThat(api.at("/spec/maxReplicas").asInt()).isEqualTo(12);
		assertThat(api.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(65);
		assertThat(indexer.at("/spec/scaleTargetRef/name").asString()).isEqualTo("rollcall-indexer");
		assertThat(indexer.at("/spec/minReplicas").asInt()).isEqualTo(2);
		assertThat(indexer.at("/spec/maxReplicas").asInt()).isEqualTo(4);
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void theAutoscalerOwnsTheReplicaCountWhileItIsOn(String component) {
		Manifests fixed = Chart
			.render(Map.of(component + ".autoscaling.enabled", "false", component + ".replicas", "3"));

		assertThat(this.defaults.get("Deployment", "rollcall-" + component).at("/spec/replicas").isMissingNode())
			.isTrue();
		assertThat(fixed.get("Deployment", "rollcall-" + component).at("/spec/replicas").asInt()).isEqualTo(3);
		assertThat(fixed.has("HorizontalPodAutoscaler", "rollcall-" + component)).isFalse();
	}

	@Test
	void autoscalingCanFollowOtherMetrics() {
		Manifests onLag = Chart.render(
				Map.of("indexer.autoscaling.metrics[0].type", "Pods", "indexer.autoscaling.metrics[0].pods.metric.name",
						"rollcall_stream_pending", "indexer.autoscaling.metrics[0].pods.target.type", "AverageValue",
						"indexer.autoscaling.metrics[0].pods.target.averageValue", "10000"));

		JsonNode metrics = onLag.get("HorizontalPodAutoscaler", "rollcall-indexer").at("/spec/metrics");
		assertThat(metrics).hasSize(1);
		assertThat(metrics.at("/0/pods/metric/name").asString()).isEqualTo("rollcall_stream_pending");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void voluntaryDisruptionsTakeOnePodAtATime(String component) {
		JsonNode budget = this.defaults.get("PodDisruptionBudget", "rollcall-" + component);

		assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
		assertThat(budget.at("/spec/selector/matchLabels"))
			.isEqualTo(this.defaults.get("Deployment", "rollcall-" + component).at("/spec/selector/matchLabels"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "indexer" })
	void rolloutsAddAPodBeforeRemovingOneAndPodsSpreadOverZonesAndNodes(String component) {
		JsonNode deployment = this.defaults.get("Deployment", "rollcall-" + component);

		assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
		assertThat(deployment.at("/spec/template/spec/topologySpreadConstraints")
			.valueStream()
			.map(constraint -> constraint.path("topologyKey").asString()))
			.containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
	}

}
