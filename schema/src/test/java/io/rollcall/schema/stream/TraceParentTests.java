package io.rollcall.schema.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTests {

	@Test
	void aValidValueReadsBackAsItWasWritten() {
		String value = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

		assertThat(TraceParent.parse(value)).hasValueSatisfying(parent -> {
			assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
			assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7");
			assertThat(parent.sampled()).isTrue();
			assertThat(parent).hasToString(value);
		});
		assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"))
			.hasValueSatisfying(parent -> assertThat(parent.sampled()).isFalse());
	}

	@Test
	void aContextWithoutIdsHasNoTraceParent() {
		assertThat(TraceParent.of("", "", false)).isEmpty();
		assertThat(TraceParent.of("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true)).map(Object::toString)
			.hasValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
	}

	@Test
	void invalidValuesAreNone() {
		assertThat(TraceParent.parse(null)).isEmpty();
		assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
		assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
		assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
		assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
	}

}
