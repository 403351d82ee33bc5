package io.rollcall.api.dashboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.search.CannedSearch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactQueryTests {

	@Test
	void activeContactsByIdInOneSearchWithinTheScope() {
		CannedSearch canned = CannedSearch.answering(getClass(), "contacts-response.json");

		Map<String, ContactRow> contacts = new ContactQuery(canned.search())
			.byIds(CannedSearch.contacts("tenant-a", "rep-1", "rep-2", "rep-3"), List.of("rep-2", "rep-1", "rep-2"));

		assertThat(canned.requests()).singleElement().satisfies(request -> {
			assertThat(request.index()).containsExactly("test-contacts");
			CannedSearch.assertBody(request, getClass(), "contacts-request.json");
		});
		assertThat(contacts).containsOnly(
				Map.entry("rep-1",
						new ContactRow("rep-1", "Ada Rep", "ada@example.com", "team-1", "manager-1", "2025-03-01")),
				Map.entry("rep-2", new ContactRow("rep-2", null, null, null, null, null)));
	}

	@Test
	void noIdsNoSearch() {
		CannedSearch canned = CannedSearch.answeringJson(List.of());

		assertThat(new ContactQuery(canned.search()).byIds(CannedSearch.tenant("tenant-a"), List.of())).isEmpty();
		assertThat(canned.requests()).isEmpty();
	}

}
