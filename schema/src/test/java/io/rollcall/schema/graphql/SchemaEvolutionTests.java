package io.rollcall.schema.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The deprecation policy (see CHANGELOG.md): the GraphQL schema of this checkout against
 * the last released one, {@code released/schema.graphqls}, which a release replaces with
 * the schema it ships. The policy's own checks are tried on small schemas first, so that
 * a pass on the real one means something.
 */
class SchemaEvolutionTests {

	@Test
	void nothingReleasedWasRemovedWithoutADeprecationFirst() {
		GraphQLSchema released = SchemaEvolution.schema(List.of(resource("/released/schema.graphqls")));
		GraphQLSchema current = current();

		assertThat(SchemaEvolution.removedWithoutDeprecation(released, current)).isEmpty();
	}

	@Test
	void everyDeprecationSaysWhy() {
		assertThat(SchemaEvolution.undatedDeprecations(current())).isEmpty();
	}

	@Test
	void aRemovalIsFoundUnlessTheReleaseDeprecatedIt() {
		GraphQLSchema released = SchemaEvolution.schema(List.of("""
				type Query {
				  kept(first: Int, gone: Int): Int
				  old: Int @deprecated(reason: "Use kept. Deprecated 2026-06-01.")
				  dropped: Int
				}
				enum Level { LOW HIGH }
				input Filter { from: Int, to: Int }
				"""));
		GraphQLSchema current = SchemaEvolution.schema(List.of("""
				type Query { kept(first: Int): Int }
				enum Level { LOW }
				input Filter { from: Int }
				"""));

		assertThat(SchemaEvolution.removedWithoutDeprecation(released, current)).containsExactlyInAnyOrder(
				"Query.kept(gone:) was removed without being deprecated in the released schema",
				"Query.dropped was removed without being deprecated in the released schema",
				"Level.HIGH was removed without being deprecated in the released schema",
				"Filter.to was removed without being deprecated in the released schema");
	}

	@Test
	void aDeprecationWithoutADateIsFound() {
		GraphQLSchema schema = SchemaEvolution.schema(List.of("""
				type Query {
				  dated: Int @deprecated(reason: "Use other. Deprecated 2026-12-01.")
				  undated: Int @deprecated(reason: "Use other.")
				  other: Int
				}
				"""));

		assertThat(SchemaEvolution.undatedDeprecations(schema)).singleElement()
			.asString()
			.startsWith("Query.undated is deprecated without a reason");
	}

	/**
	 * Every SDL file the api loads ({@code graphql/*.graphqls}, as Spring for GraphQL).
	 */
	private static GraphQLSchema current() {
		try {
			List<String> files = new ArrayList<>();
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:graphql/*.graphqls")) {
				files.add(file.getContentAsString(StandardCharsets.UTF_8));
			}
			return SchemaEvolution.schema(files);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String resource(String name) {
		try (InputStream in = SchemaEvolutionTests.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("no resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
