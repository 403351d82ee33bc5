package io.rollcall.api.dashboard.contact;

import io.rollcall.api.dashboard.Arguments;
import io.rollcall.api.dashboard.DashboardReads;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.security.Scopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Contacts as dashboards show them: the {@code contact} query, and the {@code contact}
 * field of rows other features list (read fresh, never cached).
 */
@Service
public class ContactService {

	private final ContactQuery contacts;

	private final DashboardReads reads;

	ContactService(ContactQuery contacts, DashboardReads reads) {
		this.contacts = contacts;
		this.reads = reads;
	}

	/** An active contact visible to the caller. */
	@PreAuthorize(Scopes.HAS_ANALYTICS_READ)
	public Optional<ContactRow> contact(String contactId) {
		Arguments.id("id", contactId);
		return Optional.ofNullable(contacts.byIds(reads.scope(), List.of(contactId)).get(contactId));
	}

	/**
	 * The contacts of {@code items}, each looked up within the scope its item was read
	 * in: one search per scope in the batch (in practice one per page). Items without an
	 * active contact are left out. Not guarded again: items come from an authorized
	 * query, and this runs where the request's security context may be gone (batch
	 * loading).
	 */
	public <T> Map<T, ContactRow> join(List<T> items, Function<T, String> contactId, Function<T, SearchScope> scope) {
		Map<SearchScope, List<T>> byScope = new HashMap<>();
		items.forEach(item -> byScope.computeIfAbsent(scope.apply(item), key -> new ArrayList<>()).add(item));
		Map<T, ContactRow> joined = new HashMap<>();
		byScope.forEach((searchScope, group) -> {
			Map<String, ContactRow> found = contacts.byIds(searchScope, group.stream().map(contactId).toList());
			group.forEach(item -> {
				ContactRow contact = found.get(contactId.apply(item));
				if (contact != null) {
					joined.put(item, contact);
				}
			});
		});
		return joined;
	}

}
