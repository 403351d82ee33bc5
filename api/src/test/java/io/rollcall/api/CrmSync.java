package io.rollcall.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

// The README's CRM example, verbatim between the markers: ReadmeSnippetsTests keeps them
// equal, ReadmeExamplesIntegrationTests runs it against the stack.
// README:begin
/** Keeps a CRM in step with Rollcall's change feed. */
public final class CrmSync {

	/** What a CRM needs of a change; more fields are in the schema. */
	public record Change(String cursor, String kind, String contactId, String programId, Map<String, Object> event,
			Map<String, Object> progress, Map<String, Object> compliance) {
	}

	private static final String CHANGES = """
			subscription($after: String) {
			  changes(after: $after) {
			    cursor kind contactId programId
			    event { eventId type lessonId score revision }
			    progress { lessonsCompleted quizAccuracy complianceStatus }
			    compliance { from to }
			  }
			}""";

	/**
	 * Every change after the cursor stored in {@code cursorFile} (none yet: from now on),
	 * handed to {@code crm} in log order, the cursor stored after each; on any cut
	 * (network, deploy, expired token, SLOW_CONSUMER, SHUTTING_DOWN) it reconnects, with
	 * a fresh token, and resumes after the stored cursor: nothing is missed.
	 */
	public static Flux<Change> sync(String url, Supplier<String> tokens, Path cursorFile, Consumer<Change> crm) {
		WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(url, new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() { // on every (re)connection
					return Mono.fromSupplier(() -> Map.of("Authorization", "Bearer " + tokens.get()));
				}
			})
			.build();
		return Flux
			.defer(() -> client.document(CHANGES)
				.variable("after", read(cursorFile))
				.retrieveSubscription("changes")
				.toEntity(Change.class))
			.doOnNext(change -> {
				crm.accept(change); // update the CRM first,
				write(cursorFile, change.cursor()); // then remember how far it got
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
				.maxBackoff(Duration.ofSeconds(30))
				// Older than the log keeps: resynchronise (repProgress), then store
				// extensions.oldestCursor; retrying would not help.
				.filter(error -> !(error instanceof SubscriptionErrorException refused && refused.getErrors()
					.stream()
					.anyMatch(e -> "CURSOR_EXPIRED".equals(e.getExtensions().get("code"))))));
	}

	private static String read(Path cursorFile) {
		try {
			return Files.exists(cursorFile) ? Files.readString(cursorFile) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path cursorFile, String cursor) {
		try {
			Files.writeString(cursorFile, cursor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
// README:end
