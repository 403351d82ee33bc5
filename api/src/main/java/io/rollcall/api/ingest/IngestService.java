package io.rollcall.api.ingest;

import io.rollcall.api.error.BadUserInputException;
import io.rollcall.api.error.NotAppliedException;
import io.rollcall.api.error.VisibilityTimeoutException;
import io.rollcall.api.ratelimit.RateLimiter;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.api.security.Scopes;
import io.rollcall.schema.contact.ContactContract;
import io.rollcall.schema.event.EventContract;
import io.rollcall.schema.json.BatchDecoder;
import io.rollcall.schema.json.BatchFormat;
import io.rollcall.schema.json.DecodedBatch;
import io.rollcall.schema.json.Identifiers;
import io.rollcall.schema.json.Violation;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.AppliedNotice;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.EntryKind;
import io.rollcall.schema.stream.StreamEntry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write, whether it came over REST or GraphQL: decode and validate the whole batch
 * with the shared contract, append it to the ingest stream for the caller's tenant, and
 * optionally wait until the indexer confirms it is visible.
 *
 * <p>
 * <b>All or nothing:</b> one invalid item rejects the whole batch and nothing is
 * appended, so a client never has to work out which part of a batch went in; it fixes the
 * batch and re-sends it. Re-sending is safe: events are idempotent by {@code eventId},
 * contacts ordered by {@code version}. (If Redis fails while a large batch's slices are
 * being appended, some slices may be in; the client gets {@code UNAVAILABLE} and re-sends
 * the batch.)
 */
@Service
class IngestService {

	/**
	 * Serializes validated items for the stream with Jackson's defaults (ISO dates), the
	 * contract's wire form.
	 */
	private static final JsonMapper WIRE = JsonMapper.builder().build();

	private final IngestRedis redis;

	private final AppliedNotices notices;

	private final IngestProperties properties;

	private final Callers callers;

	private final Clock clock;

	private final RateLimiter limiter;

	private final BatchDecoder<?> events;

	private final BatchDecoder<?> contacts;

	private final Validator validator;

	IngestService(IngestRedis redis, AppliedNotices notices, IngestProperties properties, Callers callers,
			Validator validator, Clock clock, RateLimiter limiter) {
		this.redis = redis;
		this.notices = notices;
		this.properties = properties;
		this.callers = callers;
		this.clock = clock;
		this.limiter = limiter;
		this.events = EventContract.decoder(validator, clock);
		this.contacts = ContactContract.decoder(validator);
		this.validator = validator;
	}

	/**
	 * Creates or replaces a program's catalog entry. It goes through the stream like
	 * every write, so the indexer stays the only writer of Elasticsearch; the later
	 * accepted entry of a program wins.
	 */
	@PreAuthorize(Scopes.HAS_EVENTS_WRITE)
	public WriteReceipt upsertProgram(Program program, Consistency consistency) {
		List<Violation> violations = new ArrayList<>();
		validator.validate(program)
			.forEach(violation -> violations.add(new Violation(0, program.programId(),
					violation.getPropertyPath().toString(), violation.getMessage())));
		if (program.hasDuplicateLessons()) {
			violations.add(new Violation(0, program.programId(), "lessonIds", "must not list a lesson twice"));
		}
		if (!violations.isEmpty()) {
			throw new BadUserInputException("the program was rejected; nothing was accepted", violations, "programId");
		}
		return append(EntryKind.PROGRAMS, List.of(program), consistency, "program");
	}

	/** Records a batch of interaction events (JSON array or NDJSON). */
	@PreAuthorize(Scopes.HAS_EVENTS_WRITE)
	public WriteReceipt recordEvents(byte[] body, BatchFormat format, Consistency consistency) {
		List<?> items = decode(events, body, format, "eventId", "events");
		return append(EntryKind.EVENTS, items, consistency, "events");
	}

	/** Creates or updates a batch of contacts (JSON array or NDJSON). */
	@PreAuthorize(Scopes.HAS_CONTACTS_WRITE)
	public WriteReceipt upsertContacts(byte[] body, BatchFormat format, Consistency consistency) {
		List<?> items = decode(contacts, body, format, "contactId", "contacts");
		return append(EntryKind.CONTACTS, items, consistency, "contacts");
	}

	/**
	 * Removes a contact and its events, and returns only once they are gone from every
	 * query.
	 * @param version the tombstone's version; by default the current time in epoch
	 * milliseconds, which outranks the versions of earlier updates when CRMs use counters
	 * or timestamps
	 */
	@PreAuthorize(Scopes.HAS_CONTACTS_WRITE)
	public RemovalReceipt removeContact(String contactId, Long version) {
		if (!Identifiers.isValid(contactId)) {
			throw new BadUserInputException("contact id " + Identifiers.MESSAGE);
		}
		if (version != null && version < 0) {
			throw new BadUserInputException("version must not be negative");
		}
		long tombstoneVersion = version == null ? clock.millis() : version;
		append(EntryKind.CONTACT_REMOVALS, List.of(new ContactRemoval(contactId, tombstoneVersion)),
				Consistency.VISIBLE, "removal");
		return new RemovalReceipt(contactId, true);
	}

	private List<?> decode(BatchDecoder<?> decoder, byte[] body, BatchFormat format, String idField, String what) {
		DecodedBatch<?> batch = decoder.decode(body, format, properties.maxItemsPerRequest());
		if (!batch.isValid()) {
			int count = batch.violations().size();
			throw new BadUserInputException("the " + what + " were rejected (" + count
					+ (count == 1 ? " problem" : " problems") + "); nothing was accepted", batch.violations(), idField);
		}
		return batch.items();
	}

	private WriteReceipt append(EntryKind kind, List<?> items, Consistency consistency, String what) {
		Caller caller = callers.current();
		// Writes are limited in items per second per tenant (RATE_LIMITED, HTTP 429).
		limiter.chargeWrites(caller, items.size());
		String tenantId = caller.tenantId();
		Instant acceptedAt = clock.instant();
		List<StreamEntry> entries = new ArrayList<>();
		for (int from = 0; from < items.size(); from += properties.itemsPerEntry()) {
			List<?> slice = items.subList(from, Math.min(items.size(), from + properties.itemsPerEntry()));
			String ticket = consistency == Consistency.VISIBLE ? UUID.randomUUID().toString() : null;
			entries
				.add(new StreamEntry(kind, tenantId, ticket, acceptedAt, slice.size(), WIRE.writeValueAsString(slice)));
		}
		if (consistency == Consistency.ACCEPTED) {
			entries.forEach(redis::append);
			return new WriteReceipt(items.size(), Consistency.ACCEPTED);
		}
		AppliedNotices.Pending pending = notices.expect(entries.stream().map(StreamEntry::ticket).toList());
		try {
			entries.forEach(redis::append);
		}
		catch (RuntimeException e) {
			pending.cancel();
			throw e;
		}
		List<AppliedNotice> applied;
		try {
			applied = pending.await(properties.visibilityTimeout());
		}
		catch (TimeoutException e) {
			throw new VisibilityTimeoutException(properties.visibilityTimeout(), what);
		}
		for (AppliedNotice notice : applied) {
			if (!notice.applied()) {
				throw new NotAppliedException(notice.reason() == null ? "no reason given" : notice.reason());
			}
		}
		return new WriteReceipt(items.size(), Consistency.VISIBLE);
	}

}
