package io.rollcall.api.subscription;

import io.rollcall.api.error.BadUserInputException;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.api.security.Scopes;
import io.rollcall.schema.json.Identifiers;
import io.rollcall.schema.stream.ChangeNotice;
import java.util.Collection;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;

/**
 * The change stream of the caller's tenant (from the token, never from arguments).
 *
 * <p>
 * A manager (any role other than {@code admin}) sees only some teams, and which team a
 * contact belongs to is known to Elasticsearch, not to the notice: rather than leak ids
 * of other teams' reps, a manager's changes carry programs and the generation but no
 * contact ids; the dashboard it refetches is team-scoped.
 */
@Service
class DashboardChanges {

	/**
	 * Notices one slow subscriber may lag behind before the oldest are dropped (the
	 * generation tells it to refetch).
	 */
	static final int BUFFER = 256;

	private final ChangeFeed feed;

	private final Callers callers;

	DashboardChanges(ChangeFeed feed, Callers callers) {
		this.feed = feed;
		this.callers = callers;
	}

	/**
	 * Changes of the caller's tenant; with {@code programId}, only those touching that
	 * program, plus every removal (a removed rep disappears from all programs).
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Flux<DashboardChange> changes(String programId) {
		if (programId != null && !Identifiers.isValid(programId)) {
			throw new BadUserInputException("programId " + Identifiers.MESSAGE);
		}
		Caller caller = this.callers.current();
		boolean seesContacts = caller.role() == null || "admin".equals(caller.role());
		return this.feed.notices()
			.filter(notice -> caller.tenantId().equals(notice.tenantId()))
			.filter(notice -> programId == null || notice.programIds().contains(programId)
					|| !notice.removedContactIds().isEmpty())
			.map(notice -> change(notice, seesContacts))
			.onBackpressureBuffer(BUFFER, dropped -> {
			}, BufferOverflowStrategy.DROP_OLDEST);
	}

	static DashboardChange change(ChangeNotice notice, boolean seesContacts) {
		return new DashboardChange(notice.generation(), sorted(notice.programIds()),
				seesContacts ? sorted(notice.contactIds()) : List.of(),
				seesContacts ? sorted(notice.removedContactIds()) : List.of());
	}

	private static List<String> sorted(Collection<String> ids) {
		return ids.stream().sorted().toList();
	}

}
