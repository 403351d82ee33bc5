package io.rollcall.api.dashboard.contact;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps the {@code contact} query to {@link ContactService}. */
@Controller
record ContactController(ContactService contacts) {

	@QueryMapping
	ContactRow contact(@Argument String id) {
		return contacts.contact(id).orElse(null);
	}

}
