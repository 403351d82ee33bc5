package io.rollcall.api.subscription;

import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.error.RollcallException;
import java.util.Map;

/** A subscription over one of {@link SubscriptionLimitsProperties}' limits. */
final class SubscriptionLimitException extends RollcallException {

	private final Map<String, Object> details;

	private SubscriptionLimitException(ErrorCode code, String message, Map<String, Object> details) {
		super(code, message);
		this.details = details;
	}

	static SubscriptionLimitException perConnection(int max) {
		return new SubscriptionLimitException(ErrorCode.MAX_SUBSCRIPTIONS_PER_CONNECTION_EXCEEDED,
				"this connection already holds " + max + " subscriptions; complete one first",
				Map.of("maxSubscriptions", max));
	}

	static SubscriptionLimitException perTenant(int max) {
		return new SubscriptionLimitException(ErrorCode.MAX_SUBSCRIPTIONS_PER_TENANT_EXCEEDED,
				"the tenant already holds " + max + " subscriptions on this api instance",
				Map.of("maxSubscriptions", max));
	}

	@Override
	public Map<String, Object> details() {
		return details;
	}

}
