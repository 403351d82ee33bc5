package io.rollcall.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

class GraphQlRequestConventionTests {

	private final GraphQlRequestConvention convention = new GraphQlRequestConvention(2);

	@Test
	void theTimerIsRollcallsOwn() {
		assertThat(convention.getName()).isEqualTo("rollcall.graphql.request");
	}

	@Test
	void operationNamesAreTaggedUpToTheBoundThenOther() {
		assertThat(operation("ProgramSummary")).isEqualTo("ProgramSummary");
		assertThat(operation("RepProgress")).isEqualTo("RepProgress");
		assertThat(operation("Invented1")).isEqualTo("other");
		assertThat(operation("ProgramSummary")).as("a name tagged once stays tagged").isEqualTo("ProgramSummary");
	}

	@Test
	void anonymousAndMalformedNamesAreBounded() {
		assertThat(operation(null)).isEqualTo("anonymous");
		assertThat(operation("not a name")).isEqualTo("other");
		assertThat(operation("x".repeat(65))).isEqualTo("other");
	}

	private String operation(String name) {
		ExecutionInput.Builder input = ExecutionInput.newExecutionInput("{ __typename }");
		if (name != null) {
			input.operationName(name);
		}
		return convention.getLowCardinalityKeyValues(new ExecutionRequestObservationContext(input.build()))
			.stream()
			.filter(keyValue -> keyValue.getKey().equals(GraphQlRequestConvention.OPERATION))
			.map(KeyValue::getValue)
			.findFirst()
			.orElseThrow();
	}

}
