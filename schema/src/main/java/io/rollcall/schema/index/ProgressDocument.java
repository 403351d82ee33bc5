package io.rollcall.schema.index;

/**
 * Field names of the per-(tenant, program, contact) progress rollup (see
 * {@code elasticsearch/progress-template.json}).
 *
 * <p>
 * Why a rollup: dashboards count distinct reps, and counts must be exact. Over raw events
 * that takes a terms aggregation per (lesson, rep) pair, which grows with reps x lessons
 * and runs into {@code search.max_buckets}. With one document per rep and program, "reps
 * who completed lesson L" is the doc count of a terms bucket over
 * {@code lessons_completed}, exact on a single shard (all of a tenant's documents share
 * one routing value, so one shard), and "active reps" is a hit count.
 */
public final class ProgressDocument {

	public static final String TENANT_ID = "tenant_id";

	public static final String PROGRAM_ID = "program_id";

	public static final String CONTACT_ID = "contact_id";

	public static final String EVENT_COUNT = "event_count";

	public static final String LESSONS_STARTED = "lessons_started";

	public static final String LESSONS_COMPLETED = "lessons_completed";

	public static final String LESSONS_COMPLETED_COUNT = "lessons_completed_count";

	public static final String QUIZ_ANSWERED = "quiz_answered";

	public static final String QUIZ_CORRECT = "quiz_correct";

	public static final String QUIZ_ACCURACY = "quiz_accuracy";

	public static final String FIRST_ACTIVITY_AT = "first_activity_at";

	public static final String LAST_ACTIVITY_AT = "last_activity_at";

	public static final String GENERATION = "generation";

	private ProgressDocument() {
	}

	public static String id(String tenantId, String programId, String contactId) {
		return tenantId + "/" + programId + "/" + contactId;
	}

}
