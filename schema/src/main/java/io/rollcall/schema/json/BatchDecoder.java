package io.rollcall.schema.json;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes a JSON array or NDJSON batch into validated records, collecting every problem
 * with the item index, item id and field it concerns, so a client can fix a whole batch
 * in one go.
 *
 * <p>
 * A batch is first bound straight to records in one pass and validated: the common case,
 * a valid batch, costs no more than that. At the first sign of trouble it is decoded
 * again the slow way: items are read as trees, then bound one by one, so that a malformed
 * item does not hide the problems of the others (except in a JSON array whose syntax is
 * broken, which cannot be split).
 */
public final class BatchDecoder<T> {

	private final JsonMapper mapper;

	private final ObjectReader itemReader;

	private final ObjectReader listReader;

	private final Class<T> type;

	private final String idField;

	private final Function<T, String> idOf;

	private final Validator validator;

	private final List<ItemRule<T>> rules;

	public BatchDecoder(Class<T> type, String idField, Function<T, String> idOf, Validator validator,
			List<ItemRule<T>> rules) {
		this.mapper = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
		this.itemReader = mapper.readerFor(type);
		this.listReader = mapper.readerForListOf(type);
		this.type = type;
		this.idField = idField;
		this.idOf = idOf;
		this.validator = validator;
		this.rules = List.copyOf(rules);
	}

	/**
	 * Decodes {@code body}. More than {@code maxItems} items is itself a violation
	 * (reported at the first item over the limit) and nothing is bound.
	 */
	public DecodedBatch<T> decode(byte[] body, BatchFormat format, int maxItems) {
		List<T> valid = bindValid(body, format, maxItems);
		if (valid != null) {
			return new DecodedBatch<>(valid, List.of());
		}
		List<Violation> violations = new ArrayList<>();
		List<JsonNode> nodes = readNodes(body, format, violations);
		if (nodes.size() > maxItems) {
			violations.add(new Violation(maxItems, null, null,
					"batch has " + nodes.size() + " items; the maximum is " + maxItems));
			return new DecodedBatch<>(List.of(), violations);
		}
		if (nodes.isEmpty() && violations.isEmpty()) {
			violations.add(new Violation(0, null, null, "batch is empty"));
		}
		List<T> items = new ArrayList<>(nodes.size());
		for (int index = 0; index < nodes.size(); index++) {
			JsonNode node = nodes.get(index);
			if (node == null) {
				continue; // its syntax error is already reported
			}
			bind(index, node, violations).ifPresent(items::add);
		}
		violations.sort(Comparator.comparingInt(Violation::index));
		return new DecodedBatch<>(items, violations);
	}

	/**
	 * The batch's items when it binds in one pass and every item is valid; {@code null}
	 * otherwise, and then {@link #decode} finds and reports each problem.
	 */
	private List<T> bindValid(byte[] body, BatchFormat format, int maxItems) {
		List<T> items;
		try {
			items = switch (format) {
				case JSON_ARRAY -> listReader.readValue(body);
				case NDJSON -> bindLines(body);
			};
		}
		catch (JacksonException e) {
			return null;
		}
		if (items == null || items.isEmpty() || items.size() > maxItems) {
			return null;
		}
		List<Violation> problems = new ArrayList<>();
		for (T item : items) {
			if (item == null) {
				return null;
			}
			check(0, null, item, problems);
			if (!problems.isEmpty()) {
				return null;
			}
		}
		return items;
	}

	private List<T> bindLines(byte[] body) {
		List<T> items = new ArrayList<>();
		for (String line : new String(body, StandardCharsets.UTF_8).split("\n", -1)) {
			if (!line.isBlank()) {
				items.add(itemReader.readValue(line));
			}
		}
		return items;
	}

	private List<JsonNode> readNodes(byte[] body, BatchFormat format, List<Violation> violations) {
		return switch (format) {
			case JSON_ARRAY -> readArray(body, violations);
			case NDJSON -> readLines(body, violations);
		};
	}

	private List<JsonNode> readArray(byte[] body, List<Violation> violations) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException e) {
			violations.add(new Violation(0, null, null,
					"malformed JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage()));
			return List.of();
		}
		if (root == null || !root.isArray()) {
			violations.add(new Violation(0, null, null,
					"expected a JSON array of objects (or NDJSON with Content-Type application/x-ndjson)"));
			return List.of();
		}
		List<JsonNode> nodes = new ArrayList<>(root.size());
		root.forEach(nodes::add);
		return nodes;
	}

	private List<JsonNode> readLines(byte[] body, List<Violation> violations) {
		List<JsonNode> nodes = new ArrayList<>();
		String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
		for (int line = 0; line < lines.length; line++) {
			if (lines[line].isBlank()) {
				continue;
			}
			try {
				nodes.add(mapper.readTree(lines[line]));
			}
			catch (JacksonException e) {
				violations.add(new Violation(nodes.size(), null, null,
						"malformed JSON on line " + (line + 1) + ": " + e.getOriginalMessage()));
				nodes.add(null);
			}
		}
		return nodes;
	}

	private java.util.Optional<T> bind(int index, JsonNode node, List<Violation> violations) {
		String itemId = node.isObject() && node.path(idField).isString() ? node.path(idField).asString() : null;
		if (!node.isObject()) {
			violations.add(new Violation(index, null, null, "expected a JSON object, got " + node.getNodeType()));
			return java.util.Optional.empty();
		}
		T item;
		try {
			item = mapper.treeToValue(node, type);
		}
		catch (JacksonException e) {
			violations.add(new Violation(index, itemId, fieldOf(e), bindingMessage(e)));
			return java.util.Optional.empty();
		}
		int before = violations.size();
		check(index, itemId, item, violations);
		return violations.size() == before ? java.util.Optional.of(item) : java.util.Optional.empty();
	}

	/**
	 * Adds the problems of a bound {@code item} (field constraints, then the rules) to
	 * {@code violations}.
	 */
	private void check(int index, String itemId, T item, List<Violation> violations) {
		for (ConstraintViolation<T> violation : validator.validate(item)) {
			violations
				.add(new Violation(index, itemId, violation.getPropertyPath().toString(), violation.getMessage()));
		}
		for (ItemRule<T> rule : rules) {
			for (ItemRule.FieldProblem problem : rule.check(item)) {
				violations.add(new Violation(index, idOf.apply(item), problem.field(), problem.message()));
			}
		}
	}

	private static String fieldOf(JacksonException e) {
		if (e instanceof UnrecognizedPropertyException unknown) {
			return unknown.getPropertyName();
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static String bindingMessage(JacksonException e) {
		if (e instanceof UnrecognizedPropertyException) {
			return "unknown field";
		}
		if (e instanceof InvalidFormatException invalid) {
			Class<?> target = invalid.getTargetType();
			if (target != null && target.isEnum()) {
				return "unknown value '" + invalid.getValue() + "'; expected one of "
						+ java.util.Arrays.toString(target.getEnumConstants());
			}
			return "cannot read '" + invalid.getValue() + "' as " + describe(target);
		}
		if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatched) {
			return "wrong type; expected " + describe(mismatched.getTargetType());
		}
		return e.getOriginalMessage();
	}

	private static String describe(Class<?> target) {
		if (target == null) {
			return "a different value";
		}
		if (target == java.time.Instant.class) {
			return "an ISO-8601 instant such as 2026-01-31T09:15:00Z";
		}
		if (target == java.time.LocalDate.class) {
			return "an ISO-8601 date such as 2026-01-31";
		}
		if (Number.class.isAssignableFrom(target)) {
			return "a number";
		}
		if (target == Boolean.class) {
			return "true or false";
		}
		if (target == String.class) {
			return "a string";
		}
		return target.getSimpleName();
	}

	private static String where(TokenStreamLocation location) {
		return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

}
