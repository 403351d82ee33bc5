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
 * linear in the document. The same search refuses fragments that spread fragments more
 * than {@link #MAX_NESTING} deep ({@code MAX_DEPTH_EXCEEDED}), always: such a chain has a
 * field depth of 1, fits under the parser limits (1,800 fragments are some 14,000
 * tokens), and overflows the stack of every walk that follows, graphql-java's execution
 * among them (at about 1,500 fragments, measured), so it cannot run either.
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

	/**
	 * The deepest chain of fragments spreading fragments: far beyond what clients
	 * generate (Relay and Apollo nest a fragment per component level), far below what
	 * overflows a thread's stack.
	 */
	static final int MAX_NESTING = 100;

	private FragmentCycles() {
	}

	/**
	 * @throws DocumentRejectedException {@code FRAGMENT_CYCLE}, naming the fragment and
	 * the path back to it; {@code MAX_DEPTH_EXCEEDED} for fragments nested more than
	 * {@link #MAX_NESTING} deep
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
		if (path.size() == MAX_NESTING) {
			throw new DocumentRejectedException(ErrorCode.MAX_DEPTH_EXCEEDED,
					"fragments spread fragments more than " + MAX_NESTING + " deep (from " + path.getFirst() + ")",
					Map.of("fragment", path.getFirst(), "maxFragmentNesting", MAX_NESTING));
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
