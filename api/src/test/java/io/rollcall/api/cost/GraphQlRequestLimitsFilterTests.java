package io.rollcall.api.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.YamlFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The body guards of POST /graphql: size and batching, before anything parses. */
class GraphQlRequestLimitsFilterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ONE = "{\"query\":\"{ __typename }\"}";

	private final MockFilterChain chain = new MockFilterChain();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aFiveMegabyteBodyIsPayloadTooLarge() throws Exception {
		String body = "{\"query\":\"{ __typename }" + " ".repeat(5 * 1024 * 1024) + "\"}";

		filter("").doFilter(post(body), response, chain);

		assertRefused(413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void aBatchOfAHundredOperationsIsRefused() throws Exception {
		String batch = IntStream.range(0, 100).mapToObj(i -> ONE).collect(Collectors.joining(",", " [", "]"));

		filter("").doFilter(post(batch), response, chain);

		assertRefused(400, "BATCHING_NOT_SUPPORTED");
	}

	@Test
	void aBodyWithinTheLimitReachesTheHandlerIntact() throws Exception {
		filter("""
				rollcall.limits.request:
				  max-bytes: 64B
				""").doFilter(post(ONE), response, chain);

		assertThat(chain.getRequest()).isNotNull();
		assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isEqualTo(ONE);
	}

	@Test
	void warnOnlyLetsOversizedBodiesThrough() throws Exception {
		filter("""
				rollcall.limits.request:
				  max-bytes: 8B
				  warn-only: true
				""").doFilter(post(ONE), response, chain);

		assertThat(chain.getRequest()).isNotNull();
	}

	private void assertRefused(int status, String code) throws IOException {
		assertThat(chain.getRequest()).as("the request must not go on").isNull();
		assertThat(response.getStatus()).isEqualTo(status);
		JsonNode body = JSON.readTree(response.getContentAsString());
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo(code);
	}

	private static GraphQlRequestLimitsFilter filter(String yaml) {
		return new GraphQlRequestLimitsFilter(
				YamlFixture.bind(yaml, "rollcall.limits.request", RequestLimitsProperties.class), JSON);
	}

	private static MockHttpServletRequest post(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
