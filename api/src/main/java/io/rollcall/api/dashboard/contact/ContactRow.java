package io.rollcall.api.dashboard.contact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rollcall.schema.contact.ContactDocument;

/**
 * An active contact (GraphQL {@code Contact}), read from its document as stored
 * ({@code hiredAt} an ISO date).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactRow(@JsonProperty(ContactDocument.CONTACT_ID) String contactId,
		@JsonProperty(ContactDocument.NAME) String name, @JsonProperty(ContactDocument.EMAIL) String email,
		@JsonProperty(ContactDocument.TEAM_ID) String teamId,
		@JsonProperty(ContactDocument.MANAGER_ID) String managerId,
		@JsonProperty(ContactDocument.HIRED_AT) String hiredAt) {
}
