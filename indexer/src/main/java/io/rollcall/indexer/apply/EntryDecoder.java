package io.rollcall.indexer.apply;

import io.lettuce.core.StreamMessage;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.json.Identifiers;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.StreamEntry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stream entry back into records. The api validated the body already; the field
 * constraints are checked again because the indexer must never write what the contract
 * forbids (a hand-made or corrupted entry), and a failure here means the entry is
 * dead-lettered whole. The clock-dependent rules (how far in the future) are not
 * re-checked: a backlog replayed later would fail them for no fault of its own.
 */
@Component
class EntryDecoder {

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/**
	 * One list reader per item type, built once: decoding is the indexer's hottest loop.
	 */
	private final Map<Class<?>, ObjectReader> listReaders = Map.of(InteractionEvent.class,
			mapper.readerForListOf(InteractionEvent.class), Contact.class, mapper.readerForListOf(Contact.class),
			ContactRemoval.class, mapper.readerForListOf(ContactRemoval.class), Program.class,
			mapper.readerForListOf(Program.class));

	private final Validator validator;

	EntryDecoder(Validator validator) {
		this.validator = validator;
	}

	DecodedEntry decode(StreamMessage<String, String> message, boolean backfill, Delivery delivery)
			throws UndecodableEntryException {
		if (message.getBody() == null) {
			throw new UndecodableEntryException("stream entry has no fields (deleted from the stream?)");
		}
		StreamEntry streamEntry;
		try {
			streamEntry = StreamEntry.fromFields(message.getBody());
		}
		catch (RuntimeException e) {
			throw new UndecodableEntryException("unreadable stream entry: " + e.getMessage());
		}
		if (!Identifiers.isValid(streamEntry.tenantId())) {
			throw new UndecodableEntryException("invalid tenant id");
		}
		List<?> items = switch (streamEntry.kind()) {
			case EVENTS -> bindAll(streamEntry.body(), InteractionEvent.class);
			case CONTACTS -> bindAll(streamEntry.body(), Contact.class);
			case CONTACT_REMOVALS -> bindAll(streamEntry.body(), ContactRemoval.class);
			case PROGRAMS -> bindAll(streamEntry.body(), Program.class);
		};
		return new DecodedEntry(message.getId(), streamEntry, items, backfill, delivery);
	}

	/**
	 * Binds the body's array straight to records in one pass (no intermediate tree: this
	 * is the indexer's hottest loop) and checks each.
	 */
	private <T> List<T> bindAll(String body, Class<T> type) throws UndecodableEntryException {
		List<T> values;
		try {
			values = listReaders.get(type).readValue(body);
		}
		catch (StreamReadException e) {
			throw new UndecodableEntryException("malformed JSON body: " + e.getOriginalMessage());
		}
		catch (JacksonException e) {
			throw new UndecodableEntryException(
					"cannot read the body as an array of " + type.getSimpleName() + ": " + e.getOriginalMessage());
		}
		if (values == null) {
			throw new UndecodableEntryException("body is not a JSON array");
		}
		for (T value : values) {
			check(value, type);
		}
		return List.copyOf(values);
	}

	private <T> void check(T item, Class<T> type) throws UndecodableEntryException {
		if (item == null) {
			throw new UndecodableEntryException("null item in body");
		}
		Set<ConstraintViolation<T>> violations = validator.validate(item);
		if (!violations.isEmpty()) {
			throw new UndecodableEntryException("invalid " + type.getSimpleName() + ": "
					+ violations.stream()
						.map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
						.sorted()
						.collect(Collectors.joining(", ")));
		}
		if (item instanceof ContactRemoval removal && !Identifiers.isValid(removal.contactId())) {
			throw new UndecodableEntryException("invalid ContactRemoval: contactId " + Identifiers.MESSAGE);
		}
	}

}
