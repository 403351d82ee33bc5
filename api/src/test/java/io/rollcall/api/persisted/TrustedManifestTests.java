package io.rollcall.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Manifests as Apollo's and Relay's tools write them. */
class TrustedManifestTests {

	static final String SUMMARY = "query Summary($programId: ID!) { programSummary(programId: $programId) { totalEvents activeReps } }";

	static final String SUMMARY_HASH = "c249ebbedd601ae6d10befce1161395348eef6f337706fdcb0965a36d598d35a";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anApolloManifestsOperationsAreFoundByIdOrWhole() throws IOException {
		TrustedManifest manifest = TrustedManifest.read(fixture("apollo-manifest.json"));

		assertThat(manifest.document(SUMMARY_HASH)).hasValue(SUMMARY);
		assertThat(manifest.contains(SUMMARY)).isTrue();
		assertThat(manifest.contains("{ __typename }")).isFalse();
		assertThat(manifest.documents()).hasSize(2);
	}

	@Test
	void aRelayManifestsOperationsAreFoundByItsIdOrByTheirSha256() throws IOException {
		TrustedManifest manifest = TrustedManifest.read(fixture("relay-persisted-queries.json"));

		assertThat(manifest.document("bcff6ffca085c509424a0cea7821863d")).hasValue(SUMMARY);
		assertThat(manifest.document(SUMMARY_HASH)).hasValue(SUMMARY);
		assertThat(manifest.document(PersistedQueryTests.TYPENAME_HASH)).isEmpty();
	}

	@Test
	void anythingElseIsNotAManifest() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedManifest.read(JSON.readTree("[]")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrustedManifest.read(JSON.readTree("{\"format\": \"other\", \"operations\": []}")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedManifest.read(JSON.readTree("{\"id\": 1}")));
	}

	static JsonNode fixture(String name) throws IOException {
		try (InputStream in = TrustedManifestTests.class.getResourceAsStream("/persisted/" + name)) {
			return JSON.readTree(in);
		}
	}

}
