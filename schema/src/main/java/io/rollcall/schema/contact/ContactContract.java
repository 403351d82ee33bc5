package io.rollcall.schema.contact;

import io.rollcall.schema.json.BatchDecoder;
import jakarta.validation.Validator;
import java.util.List;

/**
 * The contact contract: field annotations on {@link Contact}; no cross-field rules yet.
 */
public final class ContactContract {

	private ContactContract() {
	}

	public static BatchDecoder<Contact> decoder(Validator validator) {
		return new BatchDecoder<>(Contact.class, "contactId", Contact::contactId, validator, List.of());
	}

}
