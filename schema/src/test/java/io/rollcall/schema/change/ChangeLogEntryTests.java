package io.rollcall.schema.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.rollcall.schema.event.EventType;
import io.rollcall.schema.event.InteractionEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeLogEntryTests {

	private static final Instant APPLIED = Instant.parse("2026-11-20T09:00:01.250Z");

	@Test
	void anAppliedEventKeepsEveryFieldAsStored() {
		InteractionEvent quiz = new InteractionEvent("e-7", "rep-1", "onboarding", "l-3", EventType.QUIZ_ANSWERED,
				Instant.parse("2026-11-20T09:00:00Z"), null, "q-2", true, 87.5, 3L, Map.of("device", "ios"));
		Change change = Change.eventApplied(quiz, APPLIED);

		Map<String, String> fields = ChangeLogEntry.fields(change);

		assertThat(fields).containsEntry("kind", "EVENT_APPLIED")
			.containsEntry("contact", "rep-1")
			.containsEntry("program", "onboarding");
		assertThat(ChangeLogEntry.change(fields)).isEqualTo(change);
	}

	@Test
	void progressAndComplianceRoundTrip() {
		Change progress = Change.progressChanged("rep-1", "onboarding",
				new ProgressSnapshot(12, Instant.parse("2026-11-20T09:00:00Z"), null, ComplianceStatus.NON_COMPLIANT),
				APPLIED);
		Change compliance = Change.complianceChanged("rep-1", "onboarding",
				new ComplianceMove(ComplianceStatus.NON_COMPLIANT, ComplianceStatus.COMPLIANT), APPLIED);

		assertThat(ChangeLogEntry.change(ChangeLogEntry.fields(progress))).isEqualTo(progress);
		assertThat(ChangeLogEntry.change(ChangeLogEntry.fields(compliance))).isEqualTo(compliance);
	}

	@Test
	void aRemovalHasNeitherProgramNorPayload() {
		Map<String, String> fields = ChangeLogEntry.fields(Change.contactRemoved("rep-1", APPLIED));

		assertThat(fields).containsOnlyKeys("kind", "contact", "at");
		assertThat(ChangeLogEntry.programId(fields)).isNull();
		assertThat(ChangeLogEntry.change(fields)).isEqualTo(Change.contactRemoved("rep-1", APPLIED));
	}

	@Test
	void cursorsAreOpaqueAndComeBackAsTheStreamId() {
		String cursor = ChangeCursor.encode("1764579600000-12");

		assertThat(cursor).doesNotContain("1764579600000");
		assertThat(ChangeCursor.decode(cursor)).isEqualTo("1764579600000-12");
	}

	@Test
	void anythingElseIsNotACursor() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChangeCursor.decode("garbage!"));
		// The stream id without the version, and a version with a malformed id.
		assertThatIllegalArgumentException().isThrownBy(() -> ChangeCursor.decode(base64("1764579600000-12")));
		assertThatIllegalArgumentException().isThrownBy(() -> ChangeCursor.decode(base64("c1:12 OR 1=1")));
	}

	@Test
	void streamIdsCompareInLogOrder() {
		assertThat(ChangeCursor.compare("10-0", "9-5")).isPositive();
		assertThat(ChangeCursor.compare("10-2", "10-10")).isNegative();
		assertThat(ChangeCursor.compare("10-2", "10-2")).isZero();
	}

	private static String base64(String text) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
	}

}
