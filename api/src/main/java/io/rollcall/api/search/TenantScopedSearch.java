package io.rollcall.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import co.elastic.clients.util.ObjectBuilder;
import io.rollcall.api.error.RollcallException;
import io.rollcall.api.error.ErrorCode;
import io.rollcall.api.isolation.SearchBulkhead;
import io.rollcall.api.security.Caller;
import io.rollcall.platform.UnavailableException;
import io.rollcall.platform.elasticsearch.ElasticsearchConnectionProperties;
import io.rollcall.schema.contact.ContactDocument;
import io.rollcall.schema.event.EventDocument;
import io.rollcall.schema.event.EventType;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.index.ProgressDocument;
import io.rollcall.schema.program.ProgramDocument;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * The only api class that talks to Elasticsearch (an ArchUnit test keeps it so). Every
 * request it sends is routed by the caller's tenant and filtered by a {@code tenant_id}
 * term, whatever the dashboard asks for: a tenant can never read another's documents,
 * even through a bug in a service. Requests about reps are also filtered by the contacts
 * of the request's {@link SearchScope} (a manager's teams, a {@code teamId} argument):
 * one filter in one place, so lists and counts agree. Missing indices (nothing indexed
 * yet) read as empty, not as errors.
 *
 * <p>
 * Counts are exact: all of a tenant's documents share one routing value, hence one shard,
 * where hit counts ({@code track_total_hits}) and terms bucket doc counts are exact;
 * distinct reps are counted on the per-rep progress rollups (one document per rep and
 * program) rather than with the approximate {@code cardinality} aggregation.
 *
 * @see <a href=
 * "https://www.elastic.co/docs/reference/elasticsearch/rest-apis/search-shard-routing">search
 * shard routing</a>
 */
@Component
public class TenantScopedSearch {

	/** Managers' roles: only their teams' reps are visible (see {@link #scope}). */
	public static final String MANAGER_ROLE = "manager";

	/**
	 * The most contacts one scope may hold: Elasticsearch's default
	 * {@code index.max_terms_count}, the size limit of the terms filter that applies it.
	 */
	static final int MAX_SCOPED_CONTACTS = 65_536;

	/**
	 * Page size of scans (team members, reps' furthest segments); under
	 * max_result_window.
	 */
	private static final int SCAN_PAGE = 10_000;

	/** Distinct quiz questions of one lesson reported at most. */
	private static final int MAX_QUESTIONS = 1_000;

	private static final String EVENTS = "events";

	private static final String QUIZ_ANSWERED = "quiz_answered";

	private static final String QUIZ_CORRECT = "quiz_correct";

	private static final String STARTED = "lessons_started";

	private static final String COMPLETED = "lessons_completed";

	private static final String COMPLIANT = "compliant";

	/**
	 * The fields of a rollup a {@link RepRow} is made of: a page asks for these only, not
	 * for the lists of started and completed lesson ids (up to 1.3 KB of a rollup in a
	 * 55-lesson program, over half a megabyte of a 500-rep page for Elasticsearch to
	 * write and the api to parse).
	 */
	private static final List<String> REP_FIELDS = List.of(ProgressDocument.CONTACT_ID, ProgressDocument.EVENT_COUNT,
			ProgressDocument.LESSONS_COMPLETED_COUNT, ProgressDocument.LAST_ACTIVITY_AT, ProgressDocument.QUIZ_ANSWERED,
			ProgressDocument.QUIZ_CORRECT);

	private final ElasticsearchClient client;

	private final IndexNames indices;

	private final SearchProperties properties;

	private final SearchBulkhead bulkhead;

	private final Duration retryAfter;

	TenantScopedSearch(ElasticsearchClient client, IndexNames indices, SearchProperties properties,
			SearchBulkhead bulkhead, ElasticsearchConnectionProperties connection) {
		this.client = client;
		this.indices = indices;
		this.properties = properties;
		this.bulkhead = bulkhead;
		this.retryAfter = connection.retryAfter();
	}

	/**
	 * What a request of {@code caller} may read. A manager sees the reps of its
	 * {@code team_ids} only, intersected with {@code teamId} when given (a team outside
	 * them gives an empty scope: empty results, not an error that would reveal whether
	 * the team exists); anyone else sees the whole tenant, or {@code teamId}'s reps. A
	 * team's reps are its ACTIVE contacts, resolved here once per request.
	 * @param teamId the requested team, or {@code null}
	 */
	public SearchScope scope(Caller caller, String teamId) {
		Set<String> teams;
		if (MANAGER_ROLE.equals(caller.role())) {
			teams = new TreeSet<>(caller.teamIds());
			if (teamId != null) {
				teams.retainAll(Set.of(teamId));
			}
		}
		else {
			teams = teamId == null ? null : Set.of(teamId);
		}
		if (teams == null) {
			return new SearchScope(caller.tenantId(), null);
		}
		if (teams.isEmpty()) {
			return new SearchScope(caller.tenantId(), Set.of());
		}
		return new SearchScope(caller.tenantId(), teamMembers(caller.tenantId(), teams));
	}

	private Set<String> teamMembers(String tenantId, Set<String> teams) {
		SearchScope tenant = new SearchScope(tenantId, null);
		List<FieldValue> teamValues = teams.stream().map(FieldValue::of).toList();
		Query members = Query.of(q -> q.bool(b -> b
			.filter(f -> f.terms(t -> t.field(ContactDocument.TEAM_ID).terms(v -> v.value(teamValues))))
			.filter(f -> f.term(t -> t.field(ContactDocument.STATUS).value(ContactDocument.Status.ACTIVE.name())))));
		Set<String> contacts = new LinkedHashSet<>();
		List<FieldValue> after = null;
		while (true) {
			List<FieldValue> from = after;
			SearchResponse<Void> response = search(tenant, indices.contacts(), members, s -> {
				s.size(SCAN_PAGE)
					.source(source -> source.fetch(false))
					.sort(sort -> sort.field(f -> f.field(ContactDocument.CONTACT_ID).order(SortOrder.Asc)));
				if (from != null) {
					s.searchAfter(from);
				}
				return s;
			}, Void.class);
			List<Hit<Void>> hits = response.hits().hits();
			hits.forEach(hit -> contacts.add(hit.sort().get(0).stringValue()));
			if (contacts.size() > MAX_SCOPED_CONTACTS) {
				throw new ScopeTooLargeException();
			}
			if (hits.size() < SCAN_PAGE) {
				return contacts;
			}
			after = hits.get(hits.size() - 1).sort();
		}
	}

	/**
	 * Totals and per-lesson reach of {@code programId} over the whole tenant, from the
	 * progress rollups (one per rep).
	 */
	public ProgramProgress programProgress(Caller caller, String programId) {
		return programProgress(new SearchScope(caller.tenantId(), null), programId);
	}

	/**
	 * Totals and per-lesson reach of {@code programId} within {@code scope}, from the
	 * progress rollups (one per rep).
	 */
	public ProgramProgress programProgress(SearchScope scope, String programId) {
		SearchResponse<Void> response = aggregate(scope, indices.progress(), inProgram(programId), Map.of(EVENTS,
				Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.EVENT_COUNT))), QUIZ_ANSWERED,
				Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.QUIZ_ANSWERED))), QUIZ_CORRECT,
				Aggregation.of(a -> a.sum(s -> s.field(ProgressDocument.QUIZ_CORRECT))), STARTED,
				Aggregation
					.of(a -> a.terms(t -> t.field(ProgressDocument.LESSONS_STARTED).size(properties.maxLessons()))),
				COMPLETED, Aggregation
					.of(a -> a.terms(t -> t.field(ProgressDocument.LESSONS_COMPLETED).size(properties.maxLessons())))));
		long reps = total(response);
		Map<String, Aggregate> aggregations = response.aggregations();
		if (reps == 0 || aggregations == null || aggregations.isEmpty()) {
			return ProgramProgress.empty();
		}
		return new ProgramProgress(reps, sum(aggregations, EVENTS), sum(aggregations, QUIZ_ANSWERED),
				sum(aggregations, QUIZ_CORRECT), buckets(aggregations, STARTED), buckets(aggregations, COMPLETED));
	}

	/**
	 * A page of the program's reps in {@code sort} order (then contact id ascending),
	 * continuing after {@code after} (the {@link RepRow#sortValues()} of the previous
	 * page's last row), with the exact number of reps.
	 */
	public RepPage reps(SearchScope scope, String programId, RepSort sort, boolean descending, int size,
			List<Object> after) {
		return page(scope, inProgram(programId), sort, descending, size, after);
	}

	/**
	 * How many of the program's reps completed every lesson of {@code required} and how
	 * many miss at least one, in one search: the program's reps counted exactly, the
	 * compliant ones by a filter aggregation.
	 */
	public ComplianceCounts complianceCounts(SearchScope scope, String programId, List<String> required) {
		SearchResponse<Void> response = aggregate(scope, indices.progress(), inProgram(programId),
				Map.of(COMPLIANT, Aggregation.of(a -> a.filter(completedAll(required)))));
		long reps = total(response);
		Aggregate compliant = response.aggregations() == null ? null : response.aggregations().get(COMPLIANT);
		long compliantReps = compliant == null ? 0 : compliant.filter().docCount();
		return new ComplianceCounts(compliantReps, reps - compliantReps);
	}

	/**
	 * Like {@link #reps}, but only the reps that miss at least one lesson of
	 * {@code required}, in contact id order.
	 */
	public RepPage nonCompliantReps(SearchScope scope, String programId, List<String> required, int size,
			List<Object> after) {
		Query query = Query.of(q -> q.bool(b -> b.filter(inProgram(programId)).mustNot(completedAll(required))));
		return page(scope, query, RepSort.CONTACT_ID, false, size, after);
	}

	private static Query completedAll(List<String> required) {
		return Query.of(q -> q.bool(b -> {
			required.forEach(
					lesson -> b.filter(f -> f.term(t -> t.field(ProgressDocument.LESSONS_COMPLETED).value(lesson))));
			return b;
		}));
	}

	/**
	 * The top {@code size} reps of a program by {@code sort}, highest first; by quiz
	 * accuracy, only reps with at least one answer.
	 */
	public RepPage leaders(SearchScope scope, String programId, RepSort sort, int size) {
		Query query = sort != RepSort.QUIZ_ACCURACY ? inProgram(programId)
				: Query.of(q -> q.bool(b -> b.filter(inProgram(programId))
					.filter(f -> f.range(r -> r.number(n -> n.field(ProgressDocument.QUIZ_ANSWERED).gt(0.0))))));
		return page(scope, query, sort, true, size, null);
	}

	private RepPage page(SearchScope scope, Query query, RepSort sort, boolean descending, int size,
			List<Object> after) {
		List<SortOptions> order = new ArrayList<>();
		if (sort.field() != null) {
			SortOrder direction = descending ? SortOrder.Desc : SortOrder.Asc;
			order.add(SortOptions.of(o -> o.field(f -> {
				f.field(sort.field()).order(direction);
				return sort == RepSort.QUIZ_ACCURACY ? f.missing(FieldValue.of(RepSort.NO_ACCURACY)) : f;
			})));
		}
		order.add(SortOptions.of(o -> o.field(f -> f.field(ProgressDocument.CONTACT_ID).order(SortOrder.Asc))));
		SearchResponse<JsonNode> response = search(scope, indices.progress(), query, s -> {
			s.size(size + 1).sort(order).source(source -> source.filter(f -> f.includes(REP_FIELDS)));
			if (after != null) {
				s.searchAfter(after.stream().map(TenantScopedSearch::fieldValue).toList());
			}
			return s;
		}, JsonNode.class);
		List<Hit<JsonNode>> hits = response.hits().hits();
		List<RepRow> rows = new ArrayList<>();
		for (Hit<JsonNode> hit : hits.subList(0, Math.min(size, hits.size()))) {
			JsonNode source = hit.source();
			rows.add(new RepRow(source.path(ProgressDocument.CONTACT_ID).asString(),
					source.path(ProgressDocument.EVENT_COUNT).asLong(),
					source.path(ProgressDocument.LESSONS_COMPLETED_COUNT).asInt(),
					Instant.parse(source.path(ProgressDocument.LAST_ACTIVITY_AT).asString()),
					source.path(ProgressDocument.QUIZ_ANSWERED).asLong(),
					source.path(ProgressDocument.QUIZ_CORRECT).asLong(),
					hit.sort().stream().map(TenantScopedSearch::plain).toList()));
		}
		return new RepPage(rows, hits.size() > size, total(response));
	}

	/** Active contacts among {@code contactIds}, by id: one search however many. */
	public Map<String, ContactRow> contacts(SearchScope scope, Collection<String> contactIds) {
		if (contactIds.isEmpty()) {
			return Map.of();
		}
		List<FieldValue> ids = contactIds.stream().distinct().map(FieldValue::of).toList();
		Query query = Query.of(q -> q.bool(b -> b
			.filter(f -> f.terms(t -> t.field(ContactDocument.CONTACT_ID).terms(v -> v.value(ids))))
			.filter(f -> f.term(t -> t.field(ContactDocument.STATUS).value(ContactDocument.Status.ACTIVE.name())))));
		SearchResponse<JsonNode> response = search(scope, indices.contacts(), query, s -> s.size(ids.size()),
				JsonNode.class);
		Map<String, ContactRow> contacts = new HashMap<>();
		for (Hit<JsonNode> hit : response.hits().hits()) {
			JsonNode source = hit.source();
			ContactRow contact = new ContactRow(source.path(ContactDocument.CONTACT_ID).asString(),
					text(source, ContactDocument.NAME), text(source, ContactDocument.EMAIL),
					text(source, ContactDocument.TEAM_ID), text(source, ContactDocument.MANAGER_ID),
					text(source, ContactDocument.HIRED_AT));
			contacts.put(contact.contactId(), contact);
		}
		return contacts;
	}

	/**
	 * The program's catalog entry, if it has one. The catalog is tenant-wide (not about
	 * reps), so the contact filter does not apply.
	 */
	public Optional<ProgramRow> program(SearchScope scope, String programId) {
		SearchResponse<JsonNode> response = search(scope.tenantWide(), indices.programs(),
				Query.of(q -> q.term(t -> t.field(ProgramDocument.PROGRAM_ID).value(programId))), s -> s.size(1),
				JsonNode.class);
		return response.hits().hits().stream().findFirst().map(Hit::source).map(source -> {
			List<String> lessons = new ArrayList<>();
			source.path(ProgramDocument.LESSON_IDS).forEach(lesson -> lessons.add(lesson.asString()));
			String due = text(source, ProgramDocument.DUE_DATE);
			return new ProgramRow(programId, text(source, ProgramDocument.NAME), lessons,
					due == null ? null : Instant.parse(due));
		});
	}

	/**
	 * The lessons any event of the program names, by id, over the whole tenant: a
	 * program's curriculum when it has no catalog entry must not change with who looks.
	 */
	public List<String> lessonsSeen(SearchScope scope, String programId) {
		SearchResponse<Void> response = aggregate(scope.tenantWide(), indices.events(), eventsOfProgram(programId), Map
			.of("lessons",
					Aggregation.of(a -> a.terms(t -> t.field(EventDocument.LESSON_ID).size(properties.maxLessons())))));
		return new TreeSet<>(buckets(response.aggregations(), "lessons").keySet()).stream().toList();
	}

	/** Events per calendar bucket and type; empty buckets within the range included. */
	public List<ActivityRow> activity(SearchScope scope, ActivityQuery activity) {
		Query query = Query.of(q -> q.bool(b -> {
			b.filter(f -> f.range(r -> r.date(d -> d.field(EventDocument.OCCURRED_AT)
				.gte(activity.from().toString())
				.lt(activity.to().toString()))));
			if (activity.programId() != null) {
				b.filter(eventsOfProgram(activity.programId()));
			}
			if (!activity.types().isEmpty()) {
				List<FieldValue> types = activity.types().stream().sorted().map(FieldValue::of).toList();
				b.filter(f -> f.terms(t -> t.field(EventDocument.TYPE).terms(v -> v.value(types))));
			}
			return b;
		}));
		CalendarInterval interval = switch (activity.interval()) {
			case HOUR -> CalendarInterval.Hour;
			case DAY -> CalendarInterval.Day;
			case WEEK -> CalendarInterval.Week;
		};
		SearchResponse<Void> response = aggregate(scope, indices.events(), query,
				Map.of("buckets",
						Aggregation.of(a -> a
							.dateHistogram(h -> h.field(EventDocument.OCCURRED_AT)
								.calendarInterval(interval)
								.timeZone("UTC")
								.minDocCount(0)
								.extendedBounds(bounds -> bounds
									.min(FieldDateMath.of(m -> m.value((double) activity.from().toEpochMilli())))
									.max(FieldDateMath
										.of(m -> m.value((double) activity.to().minusMillis(1).toEpochMilli())))))
							.aggregations("types", types -> types
								.terms(t -> t.field(EventDocument.TYPE).size(EventType.values().length))))));
		Aggregate buckets = response.aggregations() == null ? null : response.aggregations().get("buckets");
		if (buckets == null || !buckets.isDateHistogram()) {
			return List.of();
		}
		List<ActivityRow> rows = new ArrayList<>();
		for (DateHistogramBucket bucket : buckets.dateHistogram().buckets().array()) {
			rows.add(new ActivityRow(Instant.ofEpochMilli(bucket.key()), bucket.docCount(),
					buckets(bucket.aggregations(), "types")));
		}
		return rows;
	}

	/** Attempts and correct answers per question of a lesson, by question id. */
	public List<QuestionRow> quizStats(SearchScope scope, String programId, String lessonId) {
		SearchResponse<Void> response = aggregate(scope, indices.events(),
				eventsOfLesson(programId, lessonId, EventType.QUIZ_ANSWERED),
				Map.of("questions", Aggregation.of(a -> a
					.terms(t -> t.field(EventDocument.QUESTION_ID).size(MAX_QUESTIONS))
					.aggregations("correct",
							correct -> correct.filter(f -> f.term(t -> t.field(EventDocument.CORRECT).value(true)))))));
		Aggregate questions = response.aggregations() == null ? null : response.aggregations().get("questions");
		if (questions == null || !questions.isSterms()) {
			return List.of();
		}
		return questions.sterms()
			.buckets()
			.array()
			.stream()
			.map(bucket -> new QuestionRow(bucket.key().stringValue(), bucket.docCount(),
					bucket.aggregations().get("correct").filter().docCount()))
			.sorted(java.util.Comparator.comparing(QuestionRow::questionId))
			.toList();
	}

	/**
	 * Each rep's furthest VIDEO_PROGRESS segment in a lesson. A composite aggregation
	 * pages through every rep (exact, and bounded in memory per page) with a max per rep.
	 */
	public Map<String, Integer> furthestSegments(SearchScope scope, String programId, String lessonId) {
		Query query = eventsOfLesson(programId, lessonId, EventType.VIDEO_PROGRESS);
		Map<String, Integer> furthest = new HashMap<>();
		Map<String, FieldValue> after = null;
		while (true) {
			Map<String, FieldValue> from = after;
			SearchResponse<Void> response = aggregate(scope, indices.events(), query,
					Map.of("reps", Aggregation.of(a -> a.composite(c -> {
						c.size(SCAN_PAGE)
							.sources(NamedValue.of("contact", CompositeAggregationSource
								.of(s -> s.terms(t -> t.field(EventDocument.CONTACT_ID)))));
						return from == null ? c : c.after(from);
					}).aggregations("furthest", max -> max.max(m -> m.field(EventDocument.SEGMENT))))));
			Aggregate reps = response.aggregations() == null ? null : response.aggregations().get("reps");
			if (reps == null || !reps.isComposite()) {
				return furthest;
			}
			List<CompositeBucket> buckets = reps.composite().buckets().array();
			for (CompositeBucket bucket : buckets) {
				furthest.put(bucket.key().get("contact").stringValue(),
						bucket.aggregations().get("furthest").max().value().intValue());
			}
			if (buckets.size() < SCAN_PAGE || reps.composite().afterKey() == null) {
				return furthest;
			}
			after = reps.composite().afterKey();
		}
	}

	private static Query inProgram(String programId) {
		return Query.of(q -> q.term(t -> t.field(ProgressDocument.PROGRAM_ID).value(programId)));
	}

	private static Query eventsOfProgram(String programId) {
		return Query.of(q -> q.term(t -> t.field(EventDocument.PROGRAM_ID).value(programId)));
	}

	private static Query eventsOfLesson(String programId, String lessonId, EventType type) {
		return Query.of(q -> q.bool(b -> b.filter(eventsOfProgram(programId))
			.filter(f -> f.term(t -> t.field(EventDocument.LESSON_ID).value(lessonId)))
			.filter(f -> f.term(t -> t.field(EventDocument.TYPE).value(type.name())))));
	}

	/**
	 * Sends a size-0 aggregation search for {@code query} within {@code scope}. Hit
	 * counts are exact ({@code track_total_hits}), since dashboards report them as counts
	 * of reps.
	 */
	private SearchResponse<Void> aggregate(SearchScope scope, String index, Query query,
			Map<String, Aggregation> aggregations) {
		return search(scope, index, query, s -> s.size(0).aggregations(aggregations), Void.class);
	}

	/**
	 * The one place a search is sent: routed by the tenant, filtered by its
	 * {@code tenant_id} and by the scope's contacts (every index searched here names the
	 * rep in {@code contact_id}, except the catalog, which is only searched tenant-wide).
	 */
	private <T> SearchResponse<T> search(SearchScope scope, String index, Query query,
			Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> details, Class<T> type) {
		Query scoped = Query.of(q -> q.bool(b -> {
			b.filter(f -> f.term(t -> t.field(ProgressDocument.TENANT_ID).value(scope.tenantId()))).filter(query);
			Set<String> contacts = scope.contactIds();
			if (contacts != null) {
				List<FieldValue> ids = contacts.stream().sorted().map(FieldValue::of).toList();
				b.filter(contacts.isEmpty() ? Query.of(none -> none.matchNone(m -> m))
						: Query.of(f -> f.terms(t -> t.field(ProgressDocument.CONTACT_ID).terms(v -> v.value(ids)))));
			}
			return b;
		}));
		SearchRequest request = SearchRequest.of(s -> details.apply(s.index(index)
			.routing(scope.tenantId())
			.ignoreUnavailable(true)
			.allowNoIndices(true)
			.timeout(bulkhead.searchTimeout())
			.trackTotalHits(t -> t.enabled(true))
			.query(scoped)));
		try {
			// A tenant's searches queue behind each other, never in front of other
			// tenants'.
			return bulkhead.call(scope.tenantId(), () -> client.search(request, type));
		}
		catch (ElasticsearchException e) {
			throw SearchFailures.translate(e, retryAfter);
		}
		catch (IOException e) {
			throw new UnavailableException("search is unavailable, retry later", retryAfter, e);
		}
	}

	private static long total(SearchResponse<?> response) {
		return response.hits().total() == null ? 0 : response.hits().total().value();
	}

	private static String text(JsonNode source, String field) {
		JsonNode value = source.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	/** A sort value as a plain Java value (Long, Double, String) for cursors. */
	private static Object plain(FieldValue value) {
		return switch (value._kind()) {
			case Long -> value.longValue();
			case Double -> value.doubleValue();
			case String -> value.stringValue();
			case Boolean -> value.booleanValue();
			default -> throw new IllegalStateException("unexpected sort value " + value._kind());
		};
	}

	private static FieldValue fieldValue(Object value) {
		return switch (value) {
			case Long number -> FieldValue.of(number);
			case Double number -> FieldValue.of(number);
			case String string -> FieldValue.of(string);
			case Boolean bool -> FieldValue.of(bool);
			default -> throw new IllegalArgumentException("unexpected sort value " + value);
		};
	}

	private static long sum(Map<String, Aggregate> aggregations, String name) {
		Aggregate aggregate = aggregations.get(name);
		return aggregate == null ? 0 : Math.round(aggregate.sum().value());
	}

	private static Map<String, Long> buckets(Map<String, Aggregate> aggregations, String name) {
		Aggregate aggregate = aggregations == null ? null : aggregations.get(name);
		if (aggregate == null || !aggregate.isSterms()) {
			return Map.of(); // an unmapped field aggregates as empty umterms
		}
		List<StringTermsBucket> buckets = aggregate.sterms().buckets().array();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (StringTermsBucket bucket : buckets) {
			counts.put(bucket.key().stringValue(), bucket.docCount());
		}
		return counts;
	}

	/**
	 * A team too large for one terms filter; a deployment limit, not the caller's fault.
	 */
	static final class ScopeTooLargeException extends RollcallException {

		ScopeTooLargeException() {
			super(ErrorCode.INTERNAL, "the requested teams have more than " + MAX_SCOPED_CONTACTS + " reps");
		}

	}

}
