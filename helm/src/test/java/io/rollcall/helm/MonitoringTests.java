package io.rollcall.helm;

import io.rollcall.helm.Chart.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus scraping, the alerts and the Grafana dashboard, checked against each other
 * and against docs/OPERATIONS.md: every alert has a runbook there, and every Rollcall
 * metric they use is one the document lists.
 */
class MonitoringTests {

	private static final Path OPERATIONS = Path.of("../docs/OPERATIONS.md");

	private static final Pattern METRIC = Pattern.compile("\\brollcall_[a-z_]+");

	private final Manifests production = Chart.render(Chart.PRODUCTION_VALUES, Map.of());

	@Test
	void prometheusScrapesBothManagementPortsAtTheActuatorEndpoint() {
		JsonNode monitor = this.production.get("ServiceMonitor", "rollcall");

		assertThat(monitor.at("/spec/endpoints/0/port").asString()).isEqualTo("management");
		assertThat(monitor.at("/spec/endpoints/0/path").asString()).isEqualTo("/actuator/prometheus");
		for (String component : List.of("api", "indexer")) {
			JsonNode labels = this.production.get("Service", "rollcall-" + component + "-management")
				.at("/metadata/labels");
			monitor.at("/spec/selector/matchLabels")
				.properties()
				.forEach(selector -> assertThat(labels.path(selector.getKey()).asString())
					.as("%s selects %s", selector.getKey(), component)
					.isEqualTo(selector.getValue().asString()));
		}
		assertThat(Chart.render().ofKind("ServiceMonitor")).as("off by default").isEmpty();
	}

	@Test
	void theAlertsCoverWhatAnOperatorMustKnow() {
		assertThat(alerts().keySet()).contains("RollcallVisibleLagHigh", "RollcallStreamBacklog",
				"RollcallIndexerStalled", "RollcallDeadLetters", "RollcallElasticsearchUnavailable",
				"RollcallRedisUnavailable", "RollcallRateLimiterFailingOpen", "RollcallApiDown", "RollcallIndexerDown");
	}

	@Test
	void everyAlertSelectsTheJobsTheServiceMonitorCreates() {
		Set<String> jobs = Set.of("rollcall-api-management", "rollcall-indexer-management");

		alerts().forEach((name, rule) -> {
			String expr = rule.path("expr").asString();
			assertThat(expr).as(name).contains("namespace=\"analytics\"");
			Matcher job = Pattern.compile("job=\"([^\"]+)\"").matcher(expr);
			while (job.find()) {
				assertThat(jobs).as(name).contains(job.group(1));
			}
		});
	}

	@Test
	void everyAlertLinksToItsRunbookInTheOperationsGuide() throws IOException {
		String guide = Files.readString(OPERATIONS);

		alerts().forEach((name, rule) -> {
			assertThat(rule.at("/annotations/runbook_url").asString()).as(name)
				.endsWith("docs/OPERATIONS.md#" + name.toLowerCase(Locale.ROOT));
			assertThat(guide).as("runbook heading of %s", name).contains("\n#### " + name + "\n");
			assertThat(rule.at("/labels/severity").asString()).as(name).isIn("warning", "critical");
		});
	}

	@Test
	void alertsAndDashboardUseOnlyMetricsTheOperationsGuideLists() throws IOException {
		String guide = Files.readString(OPERATIONS);
		JsonNode dashboard = Chart.YAML
			.readTree(this.production.get("ConfigMap", "rollcall-dashboard").at("/data/rollcall.json").asString());
		Set<String> used = new TreeSet<>();
		alerts().values().forEach(rule -> used.addAll(metrics(rule.path("expr").asString())));
		int alertMetrics = used.size();
		dashboard.findValues("expr").forEach(expr -> used.addAll(metrics(expr.asString())));

		assertThat(dashboard.path("uid").asString()).isEqualTo("rollcall");
		assertThat(alertMetrics).isGreaterThanOrEqualTo(6);
		assertThat(used).allSatisfy(metric -> assertThat(guide).as("OPERATIONS.md lists %s", metric)
			.contains("`" + metric.replaceFirst("_(bucket|count|sum)$", "") + "`"));
	}

	@Test
	void theDashboardConfigMapCarriesTheSidecarsLabel() {
		JsonNode configMap = this.production.get("ConfigMap", "rollcall-dashboard");

		assertThat(configMap.at("/metadata/labels/grafana_dashboard").asString()).isEqualTo("1");
		assertThat(configMap.at("/metadata/namespace").asString()).isEqualTo(Chart.NAMESPACE);
	}

	private Map<String, JsonNode> alerts() {
		Map<String, JsonNode> alerts = new java.util.LinkedHashMap<>();
		this.production.get("PrometheusRule", "rollcall")
			.at("/spec/groups")
			.valueStream()
			.flatMap(group -> group.path("rules").valueStream())
			.forEach(rule -> alerts.put(rule.path("alert").asString(), rule));
		return alerts;
	}

	private static Set<String> metrics(String expr) {
		Set<String> metrics = new TreeSet<>();
		Matcher metric = METRIC.matcher(expr);
		while (metric.find()) {
			metrics.add(metric.group());
		}
		return metrics;
	}

}
