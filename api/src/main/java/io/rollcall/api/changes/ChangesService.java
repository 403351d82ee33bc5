package io.rollcall.api.changes;

import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.SearchScopes;
import io.rollcall.api.security.Callers;
import io.rollcall.api.security.Scopes;
import io.rollcall.api.subscription.ShuttingDownException;
import io.rollcall.api.subscription.SubscriptionShutdown;
import io.rollcall.schema.change.ChangeCursor;
import io.rollcall.schema.change.ChangeKind;
import io.rollcall.schema.json.Identifiers;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The caller's tenant's change log (the tenant from the token, never from arguments),
 * filtered by kind, program and rep, and for a manager by its teams' reps: resolved once,
 * when the subscription starts or the page is read (a rep who moves team shows in the
 * manager's next subscription; a subscription lasts at most as long as its token, which
 * closes the socket with 4401 when it expires).
 */
@Service
class ChangesService {

	/** The most changes one page of the query returns. */
	static final int MAX_FIRST = 1_000;

	private final ChangeFeeds feeds;

	private final ChangePages pages;

	private final ChangeLog changeLog;

	private final Callers callers;

	private final SearchScopes scopes;

	private final SubscriptionShutdown shutdown;

	ChangesService(ChangeFeeds feeds, ChangePages pages, ChangeLog changeLog, Callers callers, SearchScopes scopes,
			SubscriptionShutdown shutdown) {
		this.feeds = feeds;
		this.pages = pages;
		this.changeLog = changeLog;
		this.callers = callers;
		this.scopes = scopes;
		this.shutdown = shutdown;
	}

	/**
	 * The changes after {@code after} (without it, from now on), then live. Ends with
	 * {@code CURSOR_EXPIRED} when retention removed changes after the cursor,
	 * {@code SLOW_CONSUMER} when the subscriber falls too far behind and
	 * {@code SHUTTING_DOWN} when this instance stops, the last two with the cursor to
	 * resume from.
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Flux<LoggedChange> subscribe(String after, List<ChangeKind> kinds, String programId, String contactId) {
		String from = streamId(after);
		ChangeFilter filter = filter(kinds, programId, contactId);
		String tenantId = filter.scope().tenantId();
		if (from != null) {
			// Refused at once, as the subscription's answer; the replay checks again as
			// it
			// reads, against retention running meanwhile.
			String floor = changeLog.floor(tenantId);
			if (floor != null && ChangeCursor.compare(floor, from) > 0) {
				throw new CursorExpiredException(floor);
			}
		}
		// The cursor of the last change sent, else of where the stream started.
		AtomicReference<String> sent = new AtomicReference<>();
		Flux<LoggedChange> changes = feeds
			.stream(tenantId, filter, from, position -> sent.set(ChangeCursor.encode(position)))
			.mapNotNull(LoggedEntry::change)
			.doOnNext(change -> sent.set(change.cursor()));
		return shutdown.endOnShutdown(changes, () -> new ShuttingDownException(sent.get()));
	}

	/**
	 * A page of the changes after {@code after} (without it, from the oldest change
	 * kept).
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public ChangeConnection page(String after, Integer first, List<ChangeKind> kinds, String programId,
			String contactId) {
		String from = streamId(after);
		if (first == null || first < 1 || first > MAX_FIRST) {
			throw new InvalidArgumentException("first", "must be between 1 and " + MAX_FIRST);
		}
		ChangeFilter filter = filter(kinds, programId, contactId);
		return pages.page(filter.scope().tenantId(), filter, from, first);
	}

	private ChangeFilter filter(List<ChangeKind> kinds, String programId, String contactId) {
		checkId("programId", programId);
		checkId("contactId", contactId);
		if (kinds != null && kinds.isEmpty()) {
			throw new InvalidArgumentException("kinds", "must name at least one kind (leave it out for all)");
		}
		SearchScope scope = scopes.resolve(callers.current(), null);
		return new ChangeFilter(kinds == null ? null : Set.copyOf(kinds), programId, contactId, scope);
	}

	private static void checkId(String argument, String value) {
		if (value != null && !Identifiers.isValid(value)) {
			throw new InvalidArgumentException(argument, Identifiers.MESSAGE);
		}
	}

	/** The stream id of a client's cursor; {@code null} for none. */
	private static String streamId(String after) {
		if (after == null) {
			return null;
		}
		try {
			return ChangeCursor.decode(after);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("after", "is not a change cursor");
		}
	}

}
