package io.rollcall.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart in {@code rollcall/}, rendered by Helm's own library (helm-java: no helm CLI,
 * no network) as release {@value #RELEASE} in namespace {@value #NAMESPACE}.
 */
final class Chart {

	static final Path DIRECTORY = Path.of("rollcall");

	static final Path PRODUCTION_VALUES = DIRECTORY.resolve("ci/production-values.yaml");

	static final String RELEASE = "rollcall";

	static final String NAMESPACE = "analytics";

	static final ObjectMapper YAML = YAMLMapper.builder().build();

	private Chart() {
	}

	/** The chart with its default values, changed by {@code sets} (as {@code --set}). */
	static Manifests render(Map<String, Object> sets) {
		return Manifests.parse(template(null, sets).call());
	}

	/** The chart with the default values. */
	static Manifests render() {
		return render(Map.of());
	}

	/** The chart with {@code valuesFile} on top of the defaults, then {@code sets}. */
	static Manifests render(Path valuesFile, Map<String, Object> sets) {
		return Manifests.parse(template(valuesFile, sets).call());
	}

	/** What Helm says when it refuses to render with {@code sets}. */
	static String refusal(Map<String, Object> sets) {
		try {
			String rendered = template(null, sets).call();
			throw new AssertionError("Helm rendered the chart with " + sets + ":\n" + rendered);
		}
		catch (IllegalStateException refused) {
			return refused.getMessage();
		}
	}

	/** {@code helm lint --strict} with the default values. */
	static LintResult lintStrict() {
		return new Helm(DIRECTORY).lint().strict().call();
	}

	/** A document of {@code values.yaml}, {@code Chart.yaml} or another chart file. */
	static JsonNode read(String file) {
		return YAML.readTree(DIRECTORY.resolve(file).toFile());
	}

	private static TemplateCommand template(Path valuesFile, Map<String, Object> sets) {
		TemplateCommand template = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE);
		if (valuesFile != null) {
			template.withValuesFile(valuesFile);
		}
		sets.forEach(template::set);
		return template;
	}

	/** The rendered documents. */
	record Manifests(List<JsonNode> documents) {

		static Manifests parse(String rendered) {
			List<JsonNode> documents = YAML.readerFor(JsonNode.class)
				.<JsonNode>readValues(rendered)
				.readAll()
				.stream()
				.filter(document -> document != null && document.isObject())
				.toList();
			return new Manifests(documents);
		}

		List<JsonNode> ofKind(String kind) {
			return this.documents.stream().filter(document -> kind.equals(document.path("kind").asString())).toList();
		}

		/** The one document of {@code kind} called {@code name}. */
		JsonNode get(String kind, String name) {
			return ofKind(kind).stream()
				.filter(document -> name.equals(document.at("/metadata/name").asString()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
		}

		boolean has(String kind, String name) {
			return ofKind(kind).stream().anyMatch(document -> name.equals(document.at("/metadata/name").asString()));
		}

		/** kind/name of every document, for failure messages. */
		List<String> names() {
			return this.documents.stream()
				.map(document -> document.path("kind").asString() + "/" + document.at("/metadata/name").asString())
				.toList();
		}

		/** The (only) container of a component's Deployment. */
		JsonNode container(String component) {
			return get("Deployment", RELEASE + "-" + component).at("/spec/template/spec/containers/0");
		}

		/**
		 * A container environment variable's entry ({@code value} or {@code valueFrom}).
		 */
		JsonNode env(String component, String name) {
			for (JsonNode variable : container(component).path("env")) {
				if (name.equals(variable.path("name").asString())) {
					return variable;
				}
			}
			return YAML.missingNode();
		}

		/** Every environment variable name a component's container gets. */
		List<String> envNames(String component) {
			return container(component).path("env")
				.valueStream()
				.map(variable -> variable.path("name").asString())
				.toList();
		}

	}

}
