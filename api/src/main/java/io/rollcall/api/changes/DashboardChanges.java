package io.rollcall.api.changes;

import io.rollcall.api.error.InvalidArgumentException;
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
import reactor.core.scheduler.Schedulers;

/**
 * The deprecated {@code dashboardChanges} subscription, kept until the deprecation policy
 * lets it go (CHANGELOG.md): the indexer's change notices of the caller's tenant (from
 * the token, never from arguments), at most once, without a cursor. {@code changes}
 * replaced it.
 *
 * <p>
 * A manager (any role other than {@code admin}) sees only some teams, and which team a
 * contact belongs to is known to Elasticsearch, not to the notice: rather than leak ids
 * of other teams' reps, a manager's changes carry programs and the generation but no
 * contact ids.
 */
@Service
class DashboardChanges {

	/**
	 * Notices one slow subscriber may lag behind before the oldest are dropped (the
	 * generation tells it to refetch).
	 */
	static final int BUFFER = 256;

	private final ChangeNotices notices;

	private final Callers callers;

	DashboardChanges(ChangeNotices notices, Callers callers) {
		this.notices = notices;
		this.callers = callers;
	}

	/**
	 * Changes of the caller's tenant; with {@code programId}, only those touching that
	 * program, plus every removal (a removed rep disappears from all programs).
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Flux<DashboardChange> changes(String programId) {
		if (programId != null && !Identifiers.isValid(programId)) {
			throw new InvalidArgumentException("programId", Identifiers.MESSAGE);
		}
		Caller caller = callers.current();
		boolean seesContacts = caller.role() == null || "admin".equals(caller.role());
		notices.listen();
		return notices.notices()
			.filter(notice -> caller.tenantId().equals(notice.tenantId()))
			.filter(notice -> programId == null || notice.programIds().contains(programId)
					|| !notice.removedContactIds().isEmpty())
			.map(notice -> change(notice, seesContacts))
			.onBackpressureBuffer(BUFFER, dropped -> {
			}, BufferOverflowStrategy.DROP_OLDEST)
			// Notices arrive on Lettuce's event loop, which must never wait for a socket.
			.publishOn(Schedulers.boundedElastic());
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
