package io.rollcall.api.usage;

import io.rollcall.api.error.InvalidArgumentException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/usage} (the caller's client) and {@code GET /v1/usage/tenant} (every
 * client of its tenant), with the optional query parameters {@code from}, {@code to}
 * (ISO-8601 instants) and {@code groupBy} ({@code HOUR}, the default, or {@code DAY}).
 */
@RestController
class UsageController {

	private final UsageService usage;

	UsageController(UsageService usage) {
		this.usage = usage;
	}

	@GetMapping("/v1/usage")
	UsageReport clientUsage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String groupBy) {
		return usage.clientUsage(range(from, to), grouping(groupBy));
	}

	@GetMapping("/v1/usage/tenant")
	UsageReport tenantUsage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String groupBy) {
		return usage.tenantUsage(range(from, to), grouping(groupBy));
	}

	private static UsageRange range(String from, String to) {
		return new UsageRange(instant("from", from), instant("to", to));
	}

	private static Instant instant(String parameter, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidArgumentException(parameter, "must be an ISO-8601 instant, e.g. 2026-01-31T09:15:00Z");
		}
	}

	private static UsageGrouping grouping(String groupBy) {
		if (groupBy == null) {
			return null;
		}
		try {
			return UsageGrouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidArgumentException("groupBy", "must be HOUR or DAY");
		}
	}

}
