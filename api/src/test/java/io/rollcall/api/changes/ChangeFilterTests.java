package io.rollcall.api.changes;

import static io.rollcall.api.changes.ChangeLogFixture.event;
import static io.rollcall.api.changes.ChangeLogFixture.progress;
import static io.rollcall.api.changes.ChangeLogFixture.removal;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.api.search.CannedSearch;
import io.rollcall.schema.change.Change;
import io.rollcall.schema.change.ChangeKind;
import io.rollcall.schema.change.ChangeLogEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters decide on an entry's plain fields, and never fail on one they do not know. */
class ChangeFilterTests {

	private static final ChangeFilter EVERYTHING = new ChangeFilter(null, null, null, CannedSearch.tenant("demo"));

	@Test
	void kindsProgramAndRepNarrowTheLog() {
		ChangeFilter progressOfP1 = new ChangeFilter(Set.of(ChangeKind.PROGRESS_CHANGED), "p-1", null,
				CannedSearch.tenant("demo"));
		ChangeFilter rep2 = new ChangeFilter(null, null, "rep-2", CannedSearch.tenant("demo"));

		assertThat(progressOfP1.accepts(fields(progress("rep-1", "p-1", 1)))).isTrue();
		assertThat(progressOfP1.accepts(fields(progress("rep-1", "p-2", 1)))).isFalse();
		assertThat(progressOfP1.accepts(fields(event("e-1", "rep-1", "p-1")))).isFalse();
		assertThat(rep2.accepts(fields(event("e-1", "rep-2", "p-9")))).isTrue();
		assertThat(rep2.accepts(fields(event("e-1", "rep-3", "p-9")))).isFalse();
	}

	@Test
	void aRemovalConcernsEveryProgram() {
		ChangeFilter program = new ChangeFilter(null, "p-1", null, CannedSearch.tenant("demo"));

		assertThat(program.accepts(fields(removal("rep-1")))).isTrue();
	}

	@Test
	void aScopeKeepsItsRepsOnly() {
		ChangeFilter team = new ChangeFilter(null, null, null, CannedSearch.contacts("demo", "rep-1", "rep-2"));

		assertThat(team.accepts(fields(event("e-1", "rep-1", "p-1")))).isTrue();
		assertThat(team.accepts(fields(removal("rep-2")))).isTrue();
		assertThat(team.accepts(fields(event("e-2", "rep-3", "p-1")))).isFalse();
		assertThat(team.accepts(fields(removal("rep-3")))).isFalse();
	}

	@Test
	void anUnknownOrMissingKindIsSkipped() {
		Map<String, String> newer = new HashMap<>(fields(event("e-1", "rep-1", "p-1")));
		newer.put("kind", "BADGE_EARNED");
		Map<String, String> kindless = new HashMap<>(newer);
		kindless.remove("kind");

		assertThat(EVERYTHING.accepts(newer)).isFalse();
		assertThat(EVERYTHING.accepts(kindless)).isFalse();
	}

	private static Map<String, String> fields(Change change) {
		return ChangeLogEntry.fields(change);
	}

}
