package io.rollcall.api.isolation;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Independent blocking calls of one request run side by side: one on a virtual thread of
 * its own, while the request's thread makes the other, so their round trips (to Redis, to
 * Elasticsearch) overlap instead of adding up. The call runs in the caller's context
 * (trace, tenant in the logs, security context), as if the request's thread made it.
 */
public final class Beside {

	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private Beside() {
	}

	/** Starts {@code call} on a virtual thread of its own. */
	public static <T> CompletableFuture<T> start(String name, Supplier<T> call) {
		ContextSnapshot context = CONTEXT.captureAll();
		return CompletableFuture.supplyAsync(call, task -> Thread.ofVirtual().name(name).start(context.wrap(task)));
	}

	/**
	 * The value of {@code future} once there is one; what the call threw is rethrown as
	 * it was thrown, so callers' error handling sees the same exceptions as for a direct
	 * call.
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

}
