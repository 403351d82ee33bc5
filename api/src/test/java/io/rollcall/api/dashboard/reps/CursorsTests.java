package io.rollcall.api.dashboard.reps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.rollcall.api.error.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTests {

	@Test
	void sortValuesRoundTripExactly() {
		List<FieldValue> values = List.of(FieldValue.of(0.1 + 0.2), FieldValue.of(1_767_603_600_000L),
				FieldValue.of("demo-rep-7"));

		String cursor = Cursors.encode("QUIZ_ACCURACY:DESC", values);

		assertThat(cursor).doesNotContain("demo-rep-7");
		assertThat(Cursors.decode("QUIZ_ACCURACY:DESC", cursor)).map(FieldValue::_get)
			.containsExactly(0.1 + 0.2, 1_767_603_600_000L, "demo-rep-7");
		assertThat(Cursors.decode("QUIZ_ACCURACY:DESC", null)).isNull();
	}

	@Test
	void aCursorOfAnotherOrderIsRefusedNamingAfter() {
		String cursor = Cursors.encode("LESSONS_COMPLETED:DESC", List.of(FieldValue.of(3L), FieldValue.of("rep-1")));

		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> Cursors.decode("LESSONS_COMPLETED:ASC", cursor))
			.satisfies(e -> assertThat(e.argument()).isEqualTo("after"));
	}

	@Test
	void malformedCursorsAreRefusedNamingAfter() {
		for (String cursor : List.of("%%%", "", encoded("1|CONTACT_ID:ASC"), encoded("2|CONTACT_ID:ASC|srep"),
				encoded("1|CONTACT_ID:ASC|l12"), encoded("1|CONTACT_ID:ASC|x12|srep"),
				encoded("1|CONTACT_ID:ASC|dNaN|srep"), encoded("1|CONTACT_ID:ASC|s{bad}"))) {
			assertThatExceptionOfType(InvalidArgumentException.class).as(cursor)
				.isThrownBy(() -> Cursors.decode("CONTACT_ID:ASC", cursor))
				.satisfies(e -> assertThat(e.details()).containsEntry("argument", "after"));
		}
	}

	private static String encoded(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
