package io.rollcall.api.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.rollcall.api.error.InvalidArgumentException;
import io.rollcall.api.security.Caller;
import io.rollcall.api.security.Callers;
import io.rollcall.schema.stream.ChangeNotice;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class DashboardChangesTests {

	private static final ChangeNotice DEMO_PROG_0 = new ChangeNotice("demo", 7, Set.of("prog-0"),
			Set.of("demo-rep-2", "demo-rep-1"), Set.of());

	private static final ChangeNotice OTHER_PROG_0 = new ChangeNotice("other", 3, Set.of("prog-0"),
			Set.of("other-rep-1"), Set.of("other-rep-9"));

	private static final ChangeNotice DEMO_REMOVAL = new ChangeNotice("demo", 8, Set.of(), Set.of(),
			Set.of("demo-rep-3"));

	private static final ChangeNotice DEMO_PROG_1 = new ChangeNotice("demo", 9, Set.of("prog-1"), Set.of("demo-rep-4"),
			Set.of());

	private final ChangeNotices notices = mock(ChangeNotices.class);

	private final Callers callers = mock(Callers.class);

	private final DashboardChanges changes = new DashboardChanges(this.notices, this.callers);

	@Test
	void onlyTheCallersTenantWithSortedIds() {
		given(this.notices.notices()).willReturn(Flux.just(DEMO_PROG_0, OTHER_PROG_0, DEMO_REMOVAL));
		given(this.callers.current()).willReturn(new Caller("demo", "demo-admin", "admin", List.of()));

		assertThat(this.changes.changes(null).collectList().block()).containsExactly(
				new DashboardChange(7, List.of("prog-0"), List.of("demo-rep-1", "demo-rep-2"), List.of()),
				new DashboardChange(8, List.of(), List.of(), List.of("demo-rep-3")));
	}

	@Test
	void aProgramFilterKeepsItsChangesAndEveryRemoval() {
		given(this.notices.notices()).willReturn(Flux.just(DEMO_PROG_0, DEMO_REMOVAL, DEMO_PROG_1));
		given(this.callers.current()).willReturn(new Caller("demo", "demo-admin", "admin", List.of()));

		assertThat(this.changes.changes("prog-1").map(DashboardChange::generation).collectList().block())
			.containsExactly(8L, 9L);
	}

	@Test
	void managersGetNoContactIds() {
		given(this.notices.notices()).willReturn(Flux.just(DEMO_PROG_0, DEMO_REMOVAL));
		given(this.callers.current()).willReturn(new Caller("demo", "demo-manager", "manager", List.of("team-1")));

		assertThat(this.changes.changes(null).collectList().block()).containsExactly(
				new DashboardChange(7, List.of("prog-0"), List.of(), List.of()),
				new DashboardChange(8, List.of(), List.of(), List.of()));
	}

	@Test
	void aProgramIdMustBeAnIdentifier() {
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> this.changes.changes("prog-0\" OR \"1"));
	}

}
