package io.rollcall.api.dashboard.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.search.CannedSearch;
import io.rollcall.api.search.SearchScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactServiceTests {

	private static final SearchScope TEAM_1 = CannedSearch.contacts("tenant-a", "rep-1", "rep-2");

	private static final SearchScope TEAM_2 = CannedSearch.contacts("tenant-a", "rep-3");

	private final ContactQuery query = mock(ContactQuery.class);

	private final ContactService contacts = new ContactService(query, mock(DashboardReads.class));

	@Test
	void eachItemsContactIsReadWithinTheScopeItWasReadIn() {
		record Item(String contactId, SearchScope scope) {
		}
		Item first = new Item("rep-1", TEAM_1);
		Item again = new Item("rep-1", TEAM_1);
		Item removed = new Item("rep-2", TEAM_1);
		Item other = new Item("rep-3", TEAM_2);
		ContactRow rep1 = new ContactRow("rep-1", "Ada", null, null, null, null);
		ContactRow rep3 = new ContactRow("rep-3", "Cy", null, null, null, null);
		given(query.byIds(TEAM_1, List.of("rep-1", "rep-1", "rep-2"))).willReturn(Map.of("rep-1", rep1));
		given(query.byIds(TEAM_2, List.of("rep-3"))).willReturn(Map.of("rep-3", rep3));

		Map<Item, ContactRow> joined = contacts.join(List.of(first, again, removed, other), Item::contactId,
				Item::scope);

		assertThat(joined).containsOnly(Map.entry(first, rep1), Map.entry(other, rep3));
	}

}
