package io.rollcall.indexer.write;

import io.lettuce.core.StreamMessage;
import io.rollcall.schema.contact.Contact;
import io.rollcall.schema.event.InteractionEvent;
import io.rollcall.schema.json.Identifiers;
import io.rollcall.schema.program.Program;
import io.rollcall.schema.stream.ContactRemoval;
import io.rollcall.schema.stream.StreamEntry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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

	private final Validator validator;

	EntryDecoder(Validator validator) {
		this.validator = validator;
	}

	Entry decode(StreamMessage<String, String> message) throws UndecodableEntryException {
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
		Entry entry = new Entry(message.getId(), streamEntry);
		JsonNode root;
		try {
			root = mapper.readTree(streamEntry.body());
		}
		catch (JacksonException e) {
			throw new UndecodableEntryException("malformed JSON body: " + e.getOriginalMessage());
		}
		if (root == null || !root.isArray()) {
			throw new UndecodableEntryException("body is not a JSON array");
		}
		for (JsonNode node : root) {
			switch (streamEntry.kind()) {
				case EVENTS ->
					entry.events.add(new Entry.Item<>(entry, bind(node, InteractionEvent.class), node.toString()));
				case CONTACTS ->
					entry.contacts.add(new Entry.Item<>(entry, bind(node, Contact.class), node.toString()));
				case CONTACT_REMOVALS ->
					entry.removals.add(new Entry.Item<>(entry, bind(node, ContactRemoval.class), node.toString()));
				case PROGRAMS ->
					entry.programs.add(new Entry.Item<>(entry, bind(node, Program.class), node.toString()));
			}
		}
		return entry;
	}

	private <T> T bind(JsonNode node, Class<T> type) throws UndecodableEntryException {
		T item;
		try {
			item = mapper.treeToValue(node, type);
		}
		catch (JacksonException e) {
			throw new UndecodableEntryException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage());
		}
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
		return item;
	}

}
