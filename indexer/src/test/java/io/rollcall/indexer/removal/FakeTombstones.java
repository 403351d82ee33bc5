package io.rollcall.indexer.removal;

import io.rollcall.platform.UnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link Tombstones} for unit tests: the contacts in {@link #removed} are removed; with
 * {@link #unavailable} set, every look-up fails as after the retries ran out.
 */
public final class FakeTombstones implements Tombstones {

	public final Set<ContactKey> removed = new HashSet<>();

	public boolean unavailable;

	@Override
	public Set<ContactKey> removed(Collection<ContactKey> contacts) {
		if (unavailable) {
			throw new UnavailableException("check tombstones failed: Elasticsearch is away", Duration.ofSeconds(1),
					null);
		}
		return contacts.stream().filter(removed::contains).collect(Collectors.toSet());
	}

}
