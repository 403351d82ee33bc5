package io.rollcall.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.api.error.RollcallException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BesideTests {

	@Test
	void theCallRunsOnAVirtualThreadOfItsOwn() {
		CompletableFuture<Thread> ran = Beside.start("probe", Thread::currentThread);

		Thread thread = Beside.join(ran);
		assertThat(thread.isVirtual()).isTrue();
		assertThat(thread).isNotSameAs(Thread.currentThread());
		assertThat(thread.getName()).isEqualTo("probe");
	}

	@Test
	void whatTheCallThrewIsRethrownAsItWasThrown() {
		OverloadedException overloaded = new OverloadedException(java.time.Duration.ofSeconds(1));
		CompletableFuture<Object> failed = Beside.start("probe", () -> {
			throw overloaded;
		});

		assertThatThrownBy(() -> Beside.join(failed)).isSameAs(overloaded).isInstanceOf(RollcallException.class);
	}

}
