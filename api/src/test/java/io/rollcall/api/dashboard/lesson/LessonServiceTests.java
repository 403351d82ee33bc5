package io.rollcall.api.dashboard.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LessonServiceTests {

	@Test
	void aRepReachesEverySegmentUpToItsFurthest() {
		List<SegmentReach> reach = LessonService.reach(List.of(0, 2, 2, 5));

		assertThat(reach).containsExactly(new SegmentReach(0, 4), new SegmentReach(1, 3), new SegmentReach(2, 3),
				new SegmentReach(3, 1), new SegmentReach(4, 1), new SegmentReach(5, 1));
	}

	@Test
	void noViewersNoSegments() {
		assertThat(LessonService.reach(List.of())).isEmpty();
	}

}
