package io.rollcall.api.subscription;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends every open subscription with a reason ({@code SHUTTING_DOWN}) when the api stops,
 * before the web server closes the sockets: clients then reconnect to another instance
 * and resume with the cursor the error carries, instead of guessing from a dropped
 * connection. It stops first of all lifecycles (the highest phase), and lets Spring go on
 * once every subscription has ended and
 * {@code rollcall.limits.subscriptions.shutdown-grace} has passed for their last messages
 * to leave (the WebSocket handler sends them on a thread of its own).
 */
@Component
public class SubscriptionShutdown implements SmartLifecycle {

	private final Sinks.One<Boolean> closing = Sinks.one();

	private final AtomicInteger open = new AtomicInteger();

	private final Sinks.Empty<Void> allEnded = Sinks.empty();

	private final Duration grace;

	private volatile boolean running;

	SubscriptionShutdown(SubscriptionLimitsProperties properties) {
		this.grace = properties.shutdownGrace();
	}

	/**
	 * {@code stream} until this instance stops, then the error {@code reason} supplies
	 * (at once for a subscription that starts while it stops).
	 */
	public <T> Flux<T> endOnShutdown(Flux<T> stream, Supplier<? extends RuntimeException> reason) {
		return Flux.defer(() -> {
			if (!running) {
				return Flux.error(reason.get());
			}
			open.incrementAndGet();
			return stream.takeUntilOther(closing.asMono())
				.concatWith(Flux.defer(() -> running ? Flux.empty() : Flux.error(reason.get())))
				.doFinally(signal -> ended());
		});
	}

	private void ended() {
		if (open.decrementAndGet() == 0 && !running) {
			allEnded.tryEmitEmpty();
		}
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop(Runnable callback) {
		running = false;
		closing.tryEmitValue(true);
		if (open.get() == 0) {
			callback.run();
			return;
		}
		allEnded.asMono().then(Mono.delay(grace)).subscribe(ended -> callback.run(), failed -> callback.run());
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before everything else, the web server included. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
