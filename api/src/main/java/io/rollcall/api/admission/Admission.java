package io.rollcall.api.admission;

import io.rollcall.api.isolation.Beside;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import reactor.util.context.Context;

/**
 * The admission of the GraphQL request being served: its rate-limit reservation, sent
 * before execution starts and answered while it runs (parsing, validation, the hop to the
 * controller, authorization), together with the tenant's cache generations, read by the
 * same Redis script. Whatever reads Elasticsearch or the result cache waits for it first
 * ({@link #await()}), so a refused request sends no search, and a cached answer is keyed
 * by generations read before its computation.
 *
 * <p>
 * It travels as the Reactor context entry {@link #KEY}, written by the rate limiter's
 * interceptor, and reaches the threads that run data fetchers as a thread local
 * ({@link AdmissionAccessor}, registered with Micrometer's context propagation, which
 * Spring for GraphQL applies around every data fetcher).
 */
public final class Admission {

	/** The Reactor context key, and the context-propagation key. */
	public static final String KEY = Admission.class.getName();

	static final ThreadLocal<Admission> CURRENT = new ThreadLocal<>();

	private final CompletableFuture<Optional<Generations>> outcome;

	private Admission(CompletableFuture<Optional<Generations>> outcome) {
		this.outcome = outcome;
	}

	/**
	 * An admission decided by {@code outcome}: the generations read with it (empty when
	 * they could not be, e.g. Redis down and the limiter on its local fallback), or the
	 * refusal as its exception.
	 */
	public static Admission of(CompletableFuture<Optional<Generations>> outcome) {
		return new Admission(outcome);
	}

	/** {@code context} with this admission in it. */
	public Context into(Context context) {
		return context.put(KEY, this);
	}

	/**
	 * Waits until the current request is admitted and returns the generations read with
	 * its admission; empty outside a GraphQL request (nothing was read: readers then go
	 * without their cache).
	 * @throws RuntimeException the refusal (e.g. {@code RateLimitedException}) of a
	 * request that was not admitted
	 */
	public static Optional<Generations> await() {
		Admission admission = CURRENT.get();
		if (admission == null) {
			return Optional.empty();
		}
		return Beside.join(admission.outcome);
	}

}
