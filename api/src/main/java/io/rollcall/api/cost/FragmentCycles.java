package io.rollcall.api.cost;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.rules.NoFragmentCycles;
import io.rollcall.api.error.ErrorCode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rejects fragments that spread themselves, directly or not ({@code FRAGMENT_CYCLE}), by
 * one depth-first search over the spreads: each fragment is visited once, so the check is
 * linear in the document.
 * <p>
 * It does the job of graphql-java's {@link NoFragmentCycles} validation rule, which is
 * not used because it does not keep that bound: in graphql-java 25.0 it rebuilds the
 * transitive spreads from every fragment, along paths it copies at each step, which is
 * about cubic in the number of fragments (measured on this machine: a chain of 1,000
 * fragments, about 8,000 tokens, took some 30 s; 1,800 fragments, still under the
 * 15,000-token limit, 270 s). For the same reason {@link #SKIP_GRAPHQL_JAVA_RULE} tells
 * graphql-java's own validation to leave that rule out for documents this class has
 * already checked.
 *
 * @see <a href=
 * "https://github.com/graphql-java/graphql-java/blob/v25.0/src/main/java/graphql/validation/rules/NoFragmentCycles.java">NoFragmentCycles
 * in graphql-java 25.0</a>
 */
final class FragmentCycles {

	/**
	 * graphql-java's validation rules minus {@link NoFragmentCycles}: for the request's
	 * GraphQL context under
	 * {@link graphql.ParseAndValidate#INTERNAL_VALIDATION_PREDICATE_HINT}.
	 */
	static final Predicate<Class<?>> SKIP_GRAPHQL_JAVA_RULE = rule -> rule != NoFragmentCycles.class;

	private FragmentCycles() {
	}

	/**
	 * @throws DocumentRejectedException {@code FRAGMENT_CYCLE}, naming the fragment and
	 * the path back to it
	 */
	static void reject(Map<String, FragmentDefinition> fragments) {
		Set<String> done = new HashSet<>();
		for (String name : fragments.keySet()) {
			visit(name, fragments, new LinkedHashSet<>(), done);
		}
	}

	/**
	 * @param path the fragments being visited, outermost first
	 */
	private static void visit(String name, Map<String, FragmentDefinition> fragments, LinkedHashSet<String> path,
			Set<String> done) {
		if (path.contains(name)) {
			throw new DocumentRejectedException(ErrorCode.FRAGMENT_CYCLE,
					"fragment " + name + " spreads itself (" + String.join(" -> ", path) + " -> " + name + ")",
					Map.of("fragment", name));
		}
		FragmentDefinition fragment = fragments.get(name);
		if (fragment == null || !done.add(name)) {
			return;
		}
		path.addLast(name);
		for (String spread : spreads(fragment.getSelectionSet(), new HashSet<>())) {
			visit(spread, fragments, path, done);
		}
		path.removeLast();
	}

	private static Set<String> spreads(SelectionSet set, Set<String> names) {
		if (set == null) {
			return names;
		}
		for (Selection<?> selection : set.getSelections()) {
			switch (selection) {
				case FragmentSpread spread -> names.add(spread.getName());
				case Field field -> spreads(field.getSelectionSet(), names);
				case InlineFragment inline -> spreads(inline.getSelectionSet(), names);
				default -> {
				}
			}
		}
		return names;
	}

}
