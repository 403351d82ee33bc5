package io.rollcall.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.rollcall.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Apollo's {@code extensions.persistedQuery}: version 1 and a SHA-256 hash, or nothing.
 */
class PersistedQueryTests {

	/**
	 * The SHA-256 of {@code "{ __typename }"} ({@code printf '{ __typename }' |
	 * sha256sum}).
	 */
	static final String TYPENAME_HASH = "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b";

	@Test
	void aHashNamesTheDocumentWhoseUtf8TextItIsTheSha256Of() {
		PersistedQuery query = PersistedQuery.of(extension(1, TYPENAME_HASH.toUpperCase())).orElseThrow();

		assertThat(query.sha256Hash()).isEqualTo(TYPENAME_HASH);
		assertThat(query.names("{ __typename }")).isTrue();
		assertThat(query.names("{ __typename } ")).isFalse();
	}

	@Test
	void noExtensionIsNoPersistedQuery() {
		assertThat(PersistedQuery.of(Map.of())).isEmpty();
		assertThat(PersistedQuery.of(null)).isEmpty();
	}

	@Test
	void anotherVersionOrAHashThatIsNotSha256IsBadInput() {
		for (Map<String, Object> extensions : List.of(extension(2, TYPENAME_HASH),
				extension(1, "d41d8cd98f00b204e9800998ecf8427e"), Map.<String, Object>of("persistedQuery", "x"))) {
			assertThatExceptionOfType(PersistedDocumentException.class).as(extensions.toString())
				.isThrownBy(() -> PersistedQuery.of(extensions))
				.satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
		}
	}

	static Map<String, Object> extension(int version, String hash) {
		return Map.of("persistedQuery", Map.of("version", version, "sha256Hash", hash));
	}

}
