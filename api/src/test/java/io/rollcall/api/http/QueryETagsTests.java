package io.rollcall.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code If-None-Match} against an ETag: the weak comparison of RFC 9110. */
class QueryETagsTests {

	private static final String ETAG = "W/\"42.0123abcd\"";

	@Test
	void theSameTagMatchesWeakOrStrong() {
		assertThat(QueryETags.matches(List.of(ETAG), ETAG)).isTrue();
		assertThat(QueryETags.matches(List.of("\"42.0123abcd\""), ETAG)).isTrue();
	}

	@Test
	void anyTagOfAListOrAStarMatches() {
		assertThat(QueryETags.matches(List.of("W/\"41.ffff\", W/\"42.0123abcd\""), ETAG)).isTrue();
		assertThat(QueryETags.matches(List.of("W/\"41.ffff\"", ETAG), ETAG)).isTrue();
		assertThat(QueryETags.matches(List.of("*"), ETAG)).isTrue();
	}

	@Test
	void anotherGenerationOrNoHeaderDoesNotMatch() {
		assertThat(QueryETags.matches(List.of("W/\"43.0123abcd\""), ETAG)).isFalse();
		assertThat(QueryETags.matches(List.of(), ETAG)).isFalse();
	}

}
