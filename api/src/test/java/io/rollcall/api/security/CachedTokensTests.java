package io.rollcall.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Validated tokens remembered until their {@code exp} (never past it) or {@code max-age},
 * failures never, and never more than {@code max-entries}; against a decoder that counts
 * its validations and a clock the test moves.
 */
class CachedTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final AtomicInteger validations = new AtomicInteger();

	private Instant now = NOW;

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	};

	/** Tokens are "valid-<seconds to exp>" or anything else, which is refused. */
	private final JwtDecoder decoder = token -> {
		validations.incrementAndGet();
		if (!token.startsWith("valid-")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.claim("tenant_id", "demo")
			.expiresAt(NOW.plusSeconds(Long.parseLong(token.substring("valid-".length()))))
			.build();
	};

	@Test
	void aTokenIsValidatedOnceUntilItExpires() {
		CachedTokens tokens = cached(10, Duration.ofMinutes(5));

		Jwt first = tokens.decode("valid-60");
		now = NOW.plusSeconds(59);
		assertThat(tokens.decode("valid-60")).isSameAs(first);
		assertThat(validations).hasValue(1);

		now = NOW.plusSeconds(60);
		tokens.decode("valid-60");
		assertThat(validations).as("at exp it is validated again").hasValue(2);
	}

	@Test
	void aTokenIsRememberedNoLongerThanTheMaximumAge() {
		CachedTokens tokens = cached(10, Duration.ofMinutes(5));
		tokens.decode("valid-3600");
		now = NOW.plus(Duration.ofMinutes(5));

		tokens.decode("valid-3600");

		assertThat(validations).hasValue(2);
	}

	@Test
	void aRefusedTokenIsRefusedEveryTime() {
		CachedTokens tokens = cached(10, Duration.ofMinutes(5));

		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

		assertThat(validations).hasValue(2);
		assertThat(tokens.size()).isZero();
	}

	@Test
	void differentTokensAreKeptApartAndTheCacheStaysBounded() {
		CachedTokens tokens = cached(2, Duration.ofMinutes(5));
		for (int i = 1; i <= 5; i++) {
			assertThat(tokens.decode("valid-6" + i).getTokenValue()).isEqualTo("valid-6" + i);
			assertThat(tokens.size()).isLessThanOrEqualTo(2);
		}
		assertThat(validations).hasValue(5);
	}

	@Test
	void withNoEntriesEveryTokenIsValidated() {
		CachedTokens tokens = cached(0, Duration.ofMinutes(5));
		tokens.decode("valid-60");
		tokens.decode("valid-60");
		assertThat(validations).hasValue(2);
	}

	private CachedTokens cached(int maxEntries, Duration maxAge) {
		return new CachedTokens(decoder, new SecurityProperties.TokenCache(maxEntries, maxAge), clock);
	}

}
