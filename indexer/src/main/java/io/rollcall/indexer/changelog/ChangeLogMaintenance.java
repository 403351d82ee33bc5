package io.rollcall.indexer.changelog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rollcall.indexer.retry.Retrier;
import io.rollcall.platform.redis.RedisConnection;
import io.rollcall.schema.index.IndexNames;
import io.rollcall.schema.program.ProgramDocument;
import io.rollcall.schema.stream.IngestKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The change logs' periodic duties, on Spring's scheduler: retention over every tenant's
 * log, and OVERDUE moves for programs whose due date has passed. Every replica runs them;
 * both are idempotent (a trim of a trimmed log removes nothing, a rep moved to OVERDUE is
 * not moved again).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChangeLogMaintenance implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ChangeLogMaintenance.class);

	/** Programs due within one sweep, at most; far beyond a tenant's catalog. */
	static final int MAX_DUE_PROGRAMS = 10_000;

	private final RedisChangeLog changeLog;

	private final ChangeRecorder recorder;

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final IngestKeys keys;

	private final RedisConnection<String, String> connection;

	private final Retrier retrier;

	private final ChangeLogProperties properties;

	private final Clock clock = Clock.systemUTC();

	ChangeLogMaintenance(RedisChangeLog changeLog, ChangeRecorder recorder, ElasticsearchClient client,
			IndexNames names, IngestKeys keys, RedisConnection<String, String> connection, Retrier retrier,
			ChangeLogProperties properties) {
		this.changeLog = changeLog;
		this.recorder = recorder;
		this.client = client;
		this.names = names;
		this.keys = keys;
		this.connection = connection;
		this.retrier = retrier;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> duty("retention", this::trim), properties.trimInterval());
		registrar.addFixedDelayTask(() -> duty("due dates", this::sweepDueDates), properties.dueDateSweepInterval());
	}

	/** Applies retention to every tenant's log. */
	void trim() {
		long oldestKept = clock.instant().minus(properties.retention()).toEpochMilli();
		for (String tenantId : changeLog.tenants()) {
			changeLog.trim(tenantId, oldestKept, properties.maxLength());
		}
	}

	/**
	 * Moves the non-compliant reps of programs whose due date passed (within retention)
	 * to OVERDUE, once per program and due date.
	 */
	void sweepDueDates() {
		Instant now = clock.instant();
		SearchResponse<DueProgram> due = retrier.call("find programs past their due date",
				() -> client.search(search -> search.index(names.programs())
					.size(MAX_DUE_PROGRAMS)
					.query(query -> query.range(range -> range.date(date -> date.field(ProgramDocument.DUE_DATE)
						.gte(now.minus(properties.retention()).toString())
						.lte(now.toString())))), DueProgram.class));
		for (Hit<DueProgram> hit : due.hits().hits()) {
			DueProgram program = hit.source();
			String done = keys.complianceDueSweep(program.tenantId(), program.programId(),
					program.dueDate().toEpochMilli());
			if (connection.sync().exists(done) == 0) {
				recorder.overdue(program.tenantId(),
						new Catalog(program.programId(), program.lessonIds(), program.dueDate()));
				connection.sync().setex(done, properties.retention().toSeconds(), now.toString());
			}
		}
	}

	private static void duty(String what, Runnable duty) {
		try {
			duty.run();
		}
		catch (RuntimeException e) {
			log.warn("Change log {} failed; trying again next time: {}", what, e.toString());
		}
	}

	/** A catalog entry whose due date has passed, of any tenant. */
	record DueProgram(@JsonProperty(ProgramDocument.TENANT_ID) String tenantId,
			@JsonProperty(ProgramDocument.PROGRAM_ID) String programId,
			@JsonProperty(ProgramDocument.LESSON_IDS) List<String> lessonIds,
			@JsonProperty(ProgramDocument.DUE_DATE) Instant dueDate) {
	}

}
