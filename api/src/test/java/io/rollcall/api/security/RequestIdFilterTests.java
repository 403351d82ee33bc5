package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	private final List<String> seenInMdc = new ArrayList<>();

	@Test
	void aValidIncomingIdIsEchoedAndLoggedWhileTheRequestRuns() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("X-Request-Id", "partner-run:42");
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, (req, res) -> seenInMdc.add(MDC.get("requestId")));

		assertThat(response.getHeader("X-Request-Id")).isEqualTo("partner-run:42");
		assertThat(seenInMdc).containsExactly("partner-run:42");
		assertThat(MDC.get("requestId")).as("cleared once the request is done").isNull();
	}

	@Test
	void anUnsafeOrMissingIdIsReplacedByARandomOne() throws Exception {
		MockHttpServletRequest forged = new MockHttpServletRequest("GET", "/v1/usage");
		forged.addHeader("X-Request-Id", "abc\r\nINFO fake log line");
		MockHttpServletResponse forgedResponse = new MockHttpServletResponse();
		MockHttpServletResponse plainResponse = new MockHttpServletResponse();

		filter.doFilter(forged, forgedResponse, (req, res) -> seenInMdc.add(MDC.get("requestId")));
		filter.doFilter(new MockHttpServletRequest("GET", "/v1/usage"), plainResponse,
				(req, res) -> seenInMdc.add(MDC.get("requestId")));

		String replaced = forgedResponse.getHeader("X-Request-Id");
		String generated = plainResponse.getHeader("X-Request-Id");
		assertThat(UUID.fromString(replaced)).isNotNull();
		assertThat(UUID.fromString(generated)).isNotNull();
		assertThat(replaced).isNotEqualTo(generated);
		assertThat(seenInMdc).containsExactly(replaced, generated);
	}

	@Test
	void theAsynchronousDispatchKeepsTheSameId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> seenInMdc.add(MDC.get("requestId")));

		request.setDispatcherType(DispatcherType.ASYNC);
		filter.doFilter(request, response, (req, res) -> seenInMdc.add(MDC.get("requestId")));

		assertThat(seenInMdc).hasSize(2).containsOnly(response.getHeader("X-Request-Id"));
	}

}
