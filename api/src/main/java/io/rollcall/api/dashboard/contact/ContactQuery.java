package io.rollcall.api.dashboard.contact;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.rollcall.api.search.SearchIndex;
import io.rollcall.api.search.SearchScope;
import io.rollcall.api.search.TenantScopedSearch;
import io.rollcall.schema.contact.ContactDocument;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads contacts by id; removed ones (tombstones) are not found. */
@Component
class ContactQuery {

	private final TenantScopedSearch search;

	ContactQuery(TenantScopedSearch search) {
		this.search = search;
	}

	/** The active contacts among {@code contactIds}, by id: one search however many. */
	Map<String, ContactRow> byIds(SearchScope scope, Collection<String> contactIds) {
		if (contactIds.isEmpty()) {
			return Map.of();
		}
		List<FieldValue> ids = contactIds.stream().distinct().map(FieldValue::of).toList();
		Query query = Query.of(q -> q.bool(b -> b
			.filter(f -> f.terms(t -> t.field(ContactDocument.CONTACT_ID).terms(v -> v.value(ids))))
			.filter(f -> f.term(t -> t.field(ContactDocument.STATUS).value(ContactDocument.Status.ACTIVE.name())))));
		return search.search(scope, SearchIndex.CONTACTS, query, s -> s.size(ids.size()), ContactRow.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::source)
			.collect(Collectors.toMap(ContactRow::contactId, Function.identity(), (first, again) -> again));
	}

}
