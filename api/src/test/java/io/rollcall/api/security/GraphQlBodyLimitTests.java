package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class GraphQlBodyLimitTests {

	private final GraphQlBodyLimit limit = new GraphQlBodyLimit(DataSize.ofBytes(10), JsonMapper.builder().build());

	@Test
	void aBodyWithinTheLimitPassesAndCanStillBeRead() throws Exception {
		MockHttpServletRequest request = post("0123456789");
		AtomicReference<String> read = new AtomicReference<>();

		MockHttpServletResponse response = new MockHttpServletResponse();
		this.limit.doFilter(request, response, (ServletRequest passed, jakarta.servlet.ServletResponse out) -> read
			.set(new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));

		assertThat(read.get()).isEqualTo("0123456789");
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void aLargerBodyIs413AndNeverReachesTheChain() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<Boolean> called = new AtomicReference<>(false);

		this.limit.doFilter(post("0123456789A"), response, (passed, out) -> called.set(true));

		assertThat(called.get()).isFalse();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
	}

	@Test
	void otherRequestsAreNotRead() throws Exception {
		MockHttpServletRequest rest = post("x".repeat(100));
		rest.setRequestURI("/v1/events");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<Boolean> called = new AtomicReference<>(false);

		this.limit.doFilter(rest, response, (passed, out) -> called.set(true));

		assertThat(called.get()).isTrue();
	}

	private static MockHttpServletRequest post(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		request.setContentType("application/json");
		return request;
	}

}
