package io.rollcall.bench;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DatasetTests {

	@Test
	void landsNearTheTargetWithAboutFiveHundredEventsPerRep() {
		Dataset dataset = Dataset.generate(50_000);
		assertThat(dataset.big().contacts()).hasSize(100);
		assertThat((double) dataset.big().events().size()).isCloseTo(50_000, within(7_500.0));
		assertThat(dataset.small().contacts()).hasSize(5);
	}

	@Test
	void batchesCoverEveryEventOnceAndNeverMixTenants() {
		Dataset dataset = Dataset.generate(20_000);
		List<Dataset.Batch> batches = dataset.batches(1_000);
		assertThat(batches).allSatisfy((batch) -> assertThat(batch.events()).hasSizeLessThanOrEqualTo(1_000)
			.allSatisfy((event) -> assertThat(event.contactId()).startsWith(batch.tenant().id() + "-")));
		assertThat(batches.stream().mapToLong((batch) -> batch.events().size()).sum()).isEqualTo(dataset.size());
	}

	@Test
	void removalsPickRepsClosestToFiveHundredEvents() {
		Dataset dataset = Dataset.generate(50_000);
		List<Map.Entry<String, Long>> chosen = ContactRemovals.choose(dataset.big().events(), 20);
		assertThat(chosen).hasSize(20).allSatisfy((contact) -> assertThat(contact.getValue()).isBetween(350L, 650L));
	}

}
