package io.rollcall.api.cache;

import graphql.GraphQLContext;

/**
 * Whether a GraphQL answer is determined by the tenant's write generation, i.e. stays the
 * same until the tenant's next applied write (what makes an HTTP validator of the
 * generation correct, see {@code http.QueryETags}). True unless a field that also depends
 * on the clock says so for its operation (compliance's {@code overdue}, which turns on
 * when the due date passes, with no write).
 */
public final class Freshness {

	private static final String CLOCK = Freshness.class.getName() + ".clock";

	private Freshness() {
	}

	/** The operation running with {@code context} answers something the clock changes. */
	public static void dependsOnClock(GraphQLContext context) {
		context.put(CLOCK, Boolean.TRUE);
	}

	/** Whether the operation that ran with {@code context} answered only from data. */
	public static boolean isGenerationBound(GraphQLContext context) {
		return !Boolean.TRUE.equals(context.get(CLOCK));
	}

}
