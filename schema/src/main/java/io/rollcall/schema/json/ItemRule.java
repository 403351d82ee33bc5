package io.rollcall.schema.json;

import java.util.List;

/**
 * A rule an item must keep beyond its field annotations (rules that span fields,
 * clocks...).
 */
@FunctionalInterface
public interface ItemRule<T> {

	/**
	 * Returns the problems of {@code item} as (field, message) pairs; empty when it is
	 * fine.
	 */
	List<FieldProblem> check(T item);

	record FieldProblem(String field, String message) {
	}

}
