package io.rollcall.api.dashboard;

import io.rollcall.api.cache.DashboardCache;
import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.api.search.ActivityQuery;
import io.rollcall.api.search.ActivityRow;
import io.rollcall.api.search.ComplianceCounts;
import io.rollcall.api.search.ContactRow;
import io.rollcall.api.search.ProgramRow;
import io.rollcall.api.search.RepPage;
import io.rollcall.api.search.RepRow;
import io.rollcall.api.search.RepSort;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.api.security.Scopes;
import io.rollcall.schema.event.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The dashboard questions beyond the program summary: per-rep progress, compliance,
 * activity, quiz statistics, video drop-off, leaderboards, contacts and the program
 * catalog. Each query checks its arguments (naming the one that is wrong), resolves the
 * caller's {@link SearchScope} once (tenant, and a manager's or the requested team's
 * reps) and reads through {@link TenantScopedSearch}; numbers are exact (see there).
 *
 * <p>
 * Definitions (those of the public contract): events are the latest revision of each;
 * removed contacts and their events are gone from the indices; a program's reps are the
 * contacts with at least one event in it.
 *
 * <p>
 * Results of the dashboard queries go through {@link DashboardCache} (keyed by the
 * tenant's write generation) once their arguments are checked; the contact joins and
 * {@code nonCompliantReps} pages are read fresh.
 */
@Service
class DashboardQueries {

	/** The widest activity range: a bit more than a year, month-over-month dashboards. */
	static final Duration MAX_RANGE = Duration.ofDays(400);

	/** The widest range of hourly activity: 744 buckets. */
	static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);

	private static final String NON_COMPLIANT_ORDER = "NON_COMPLIANT:CONTACT_ID:ASC";

	private final TenantScopedSearch search;

	private final Callers callers;

	private final Clock clock;

	private final DashboardCache cache;

	DashboardQueries(TenantScopedSearch search, Callers callers, Clock clock, DashboardCache cache) {
		this.search = search;
		this.callers = callers;
		this.clock = clock;
		this.cache = cache;
	}

	/** A page of the program's reps in {@code order}, then by contact id. */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Connection repProgress(String programId, String teamId, Integer first, String after,
			RepProgressOrder order) {
		Arguments.id("programId", programId);
		Arguments.optionalId("teamId", teamId);
		int size = Arguments.first(first);
		RepProgressOrder effective = order == null ? RepProgressOrder.DEFAULT : order;
		List<Object> from = Cursors.decode(effective.key(), after);
		Caller caller = callers.current();
		return cache.get(caller, "repProgress", DashboardCache.arguments(programId, teamId, size, after, effective),
				() -> repProgress(search.scope(caller, teamId), programId, size, from, effective));
	}

	private Connection repProgress(SearchScope scope, String programId, int size, List<Object> from,
			RepProgressOrder effective) {
		RepSort sort = switch (effective.field()) {
			case CONTACT_ID -> RepSort.CONTACT_ID;
			case LESSONS_COMPLETED -> RepSort.LESSONS_COMPLETED;
			case LAST_ACTIVITY_AT -> RepSort.LAST_ACTIVITY_AT;
			case QUIZ_ACCURACY -> RepSort.QUIZ_ACCURACY;
		};
		// Contact id order is ascending whatever the direction: it only breaks ties.
		boolean descending = effective.direction() == RepProgressOrder.Direction.DESC;
		if (sort == RepSort.CONTACT_ID && descending) {
			throw new InvalidArgumentException("orderBy", "CONTACT_ID supports ASC only");
		}
		RepPage page = search.reps(scope, programId, sort, descending, size, from);
		return connection(page, effective.key(), scope);
	}

	/**
	 * Compliance with the program's required lessons: the catalog's, else the lessons
	 * seen in its events (tenant-wide). Without any required lesson nothing can be
	 * judged, and every count is 0.
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public ComplianceReport compliance(String programId, Instant dueBy, String teamId) {
		Arguments.id("programId", programId);
		Arguments.optionalId("teamId", teamId);
		Caller caller = callers.current();
		ComplianceReport counts = cache.get(caller, "compliance", DashboardCache.arguments(programId, dueBy, teamId),
				() -> compliance(search.scope(caller, teamId), programId, dueBy));
		// Overdue depends on the time of the request, not only on the data: never cached.
		long overdue = counts.dueBy() != null && clock.instant().isAfter(counts.dueBy()) ? counts.nonCompliant() : 0;
		return new ComplianceReport(counts.programId(), counts.requiredLessons(), counts.dueBy(), counts.compliant(),
				counts.nonCompliant(), overdue, counts.scope());
	}

	/** The report's counts, overdue left at 0. */
	private ComplianceReport compliance(SearchScope scope, String programId, Instant dueBy) {
		Optional<ProgramRow> catalog = search.program(scope, programId);
		List<String> required = catalog.map(ProgramRow::lessonIds)
			.orElseGet(() -> search.lessonsSeen(scope, programId));
		Instant due = dueBy != null ? dueBy : catalog.map(ProgramRow::dueDate).orElse(null);
		if (required.isEmpty()) {
			return new ComplianceReport(programId, required, due, 0, 0, 0, scope);
		}
		ComplianceCounts counts = search.complianceCounts(scope, programId, required);
		return new ComplianceReport(programId, required, due, counts.compliant(), counts.nonCompliant(), 0, scope);
	}

	/** The non-compliant reps of a report, a page at a time, by contact id. */
	public Connection nonCompliantReps(ComplianceReport report, Integer first, String after) {
		int size = Arguments.first(first);
		List<Object> from = Cursors.decode(NON_COMPLIANT_ORDER, after);
		if (report.requiredLessons().isEmpty()) {
			return new Connection(List.of(), new Connection.PageInfo(false, null), 0);
		}
		RepPage page = search.nonCompliantReps(report.scope(), report.programId(), report.requiredLessons(), size,
				from);
		return connection(page, NON_COMPLIANT_ORDER, report.scope());
	}

	/** Events per UTC calendar bucket and type in [from, to). */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public List<ActivityBucket> activity(TimeRange range, ActivityQuery.Interval interval, List<EventType> types,
			String programId, String teamId) {
		if (range == null || range.from() == null || range.to() == null || !range.from().isBefore(range.to())) {
			throw new InvalidArgumentException("range", "must have from before to");
		}
		Duration length = Duration.between(range.from(), range.to());
		if (length.compareTo(MAX_RANGE) > 0) {
			throw new InvalidArgumentException("range", "must span at most " + MAX_RANGE.toDays() + " days");
		}
		ActivityQuery.Interval bucket = interval == null ? ActivityQuery.Interval.DAY : interval;
		if (bucket == ActivityQuery.Interval.HOUR && length.compareTo(MAX_HOURLY_RANGE) > 0) {
			throw new InvalidArgumentException("interval",
					"HOUR needs a range of at most " + MAX_HOURLY_RANGE.toDays() + " days");
		}
		Arguments.optionalId("programId", programId);
		Arguments.optionalId("teamId", teamId);
		Caller caller = callers.current();
		List<String> typeNames = types == null ? List.of() : types.stream().map(EventType::name).sorted().toList();
		return cache.get(caller, "activity",
				DashboardCache.arguments(range, bucket, java.util.Set.copyOf(typeNames), programId, teamId),
				() -> activity(search.scope(caller, teamId), new ActivityQuery(range.from(), range.to(), bucket,
						java.util.Set.copyOf(typeNames), programId)));
	}

	private List<ActivityBucket> activity(SearchScope scope, ActivityQuery query) {
		List<ActivityRow> rows = search.activity(scope, query);
		return rows.stream()
			.map(row -> new ActivityBucket(row.start(), row.total(),
					new TreeMap<>(row.byType()).entrySet()
						.stream()
						.map(entry -> new ActivityBucket.TypeCount(entry.getKey(), entry.getValue()))
						.toList()))
			.toList();
	}

	/** Attempts and correct answers per question of a lesson. */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public List<QuestionStats> quizStats(String programId, String lessonId, String teamId) {
		Arguments.id("programId", programId);
		Arguments.id("lessonId", lessonId);
		Arguments.optionalId("teamId", teamId);
		Caller caller = callers.current();
		return cache.get(caller, "quizStats", DashboardCache.arguments(programId, lessonId, teamId),
				() -> search.quizStats(search.scope(caller, teamId), programId, lessonId)
					.stream()
					.map(row -> new QuestionStats(row.questionId(), row.attempts(), row.correct(),
							(double) row.correct() / row.attempts()))
					.toList());
	}

	/**
	 * Per segment, reps whose furthest segment is at or past it: each rep's maximum comes
	 * from Elasticsearch (exact, a composite aggregation), the cumulative count is summed
	 * here, since a rep who reached segment 7 also passed 0 to 6 even without events
	 * there.
	 */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public List<SegmentReach> videoDropoff(String programId, String lessonId, String teamId) {
		Arguments.id("programId", programId);
		Arguments.id("lessonId", lessonId);
		Arguments.optionalId("teamId", teamId);
		Caller caller = callers.current();
		return cache.get(caller, "videoDropoff", DashboardCache.arguments(programId, lessonId, teamId),
				() -> reach(search.furthestSegments(search.scope(caller, teamId), programId, lessonId).values()));
	}

	static List<SegmentReach> reach(Collection<Integer> furthest) {
		int last = furthest.stream().mapToInt(Integer::intValue).max().orElse(-1);
		long[] endingAt = new long[last + 1];
		furthest.forEach(segment -> endingAt[segment]++);
		List<SegmentReach> reach = new ArrayList<>(last + 1);
		long atOrPast = 0;
		for (int segment = last; segment >= 0; segment--) {
			atOrPast += endingAt[segment];
			reach.add(new SegmentReach(segment, atOrPast));
		}
		return reach.reversed();
	}

	/** The top reps of a program by {@code metric}; ties by contact id. */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public List<LeaderboardEntry> leaderboard(String programId, LeaderboardMetric metric, Integer first,
			String teamId) {
		Arguments.id("programId", programId);
		Arguments.optionalId("teamId", teamId);
		int size = Arguments.first(first);
		Caller caller = callers.current();
		return cache.get(caller, "leaderboard", DashboardCache.arguments(programId, metric, size, teamId),
				() -> leaderboard(search.scope(caller, teamId), programId, metric, size));
	}

	private List<LeaderboardEntry> leaderboard(SearchScope scope, String programId, LeaderboardMetric metric,
			int size) {
		RepSort sort = switch (metric) {
			case LESSONS_COMPLETED -> RepSort.LESSONS_COMPLETED;
			case QUIZ_ACCURACY -> RepSort.QUIZ_ACCURACY;
			case ACTIVITY -> RepSort.EVENT_COUNT;
		};
		List<RepRow> rows = search.leaders(scope, programId, sort, size).rows();
		List<LeaderboardEntry> entries = new ArrayList<>(rows.size());
		for (RepRow row : rows) {
			double value = switch (metric) {
				case LESSONS_COMPLETED -> row.lessonsCompleted();
				case QUIZ_ACCURACY -> row.quizAccuracy();
				case ACTIVITY -> row.eventCount();
			};
			entries.add(new LeaderboardEntry(entries.size() + 1, row.contactId(), value, scope));
		}
		return entries;
	}

	/** An active contact visible to the caller. */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Optional<ContactRow> contact(String contactId) {
		Arguments.id("id", contactId);
		SearchScope scope = search.scope(callers.current(), null);
		return Optional.ofNullable(search.contacts(scope, List.of(contactId)).get(contactId));
	}

	/** A program's catalog entry. */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Optional<ProgramRow> program(String programId) {
		Arguments.id("id", programId);
		return search.program(search.scope(callers.current(), null), programId);
	}

	/**
	 * The contacts of nodes produced by an authorized query, in one search per batch,
	 * within the scope those nodes were read in. Not guarded again: it is reached only
	 * through such nodes, and runs where the request's security context may be gone
	 * (batch loading).
	 */
	Map<String, ContactRow> contacts(SearchScope scope, Collection<String> contactIds) {
		return search.contacts(scope, contactIds);
	}

	private static Connection connection(RepPage page, String order, SearchScope scope) {
		List<Connection.Edge> edges = page.rows()
			.stream()
			.map(row -> new Connection.Edge(new RepProgressNode(row.contactId(), row.lessonsCompleted(),
					row.lastActivityAt(), row.quizAccuracy(), scope), Cursors.encode(order, row.sortValues())))
			.collect(Collectors.toList());
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection(edges, new Connection.PageInfo(page.hasMore(), end), page.total());
	}

}
