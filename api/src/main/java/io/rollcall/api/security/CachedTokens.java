package io.rollcall.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Boot's {@link JwtDecoder} with the tokens it validated remembered: a client sends the
 * same bearer token with every request for its whole lifetime, and checking its signature
 * (and converting the issuer's key) again each time was a visible share of the api's CPU
 * per request. A token is remembered by the SHA-256 of its exact text (so the raw token
 * is not kept as a key, and no other text can match it) until its {@code exp} and no
 * longer than {@code max-age}, never past {@code exp}; what failed validation is never
 * remembered. When {@code max-entries} are remembered, expired ones are dropped first,
 * and all of them if none had expired: the cache stays bounded, at worst it starts over.
 */
final class CachedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final SecurityProperties.TokenCache settings;

	private final Clock clock;

	private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();

	CachedTokens(JwtDecoder decoder, SecurityProperties.TokenCache settings, Clock clock) {
		this.decoder = decoder;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) {
		if (settings.maxEntries() == 0) {
			return decoder.decode(token);
		}
		String key = digest(token);
		Instant now = clock.instant();
		Remembered remembered = tokens.get(key);
		if (remembered != null && now.isBefore(remembered.until())) {
			return remembered.jwt();
		}
		Jwt jwt = decoder.decode(token);
		Instant until = now.plus(settings.maxAge());
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
			until = jwt.getExpiresAt();
		}
		if (now.isBefore(until)) {
			if (tokens.size() >= settings.maxEntries()) {
				tokens.values().removeIf(old -> !now.isBefore(old.until()));
				if (tokens.size() >= settings.maxEntries()) {
					tokens.clear();
				}
			}
			tokens.put(key, new Remembered(jwt, until));
		}
		return jwt;
	}

	int size() {
		return tokens.size();
	}

	private static String digest(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

	private record Remembered(Jwt jwt, Instant until) {
	}

}
