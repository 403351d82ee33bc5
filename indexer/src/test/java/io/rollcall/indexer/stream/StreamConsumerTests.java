package io.rollcall.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamConsumerTests {

	@Test
	void countsTheObjectsOfABodyArrayWithoutDecodingIt() {
		assertThat(StreamConsumer.count("[]")).isZero();
		assertThat(StreamConsumer.count("[{\"a\":1},{\"b\":{\"c\":[{}]}}]")).isEqualTo(2);
		assertThat(StreamConsumer.count("[{\"a\":\"{not an object}\\\"{\"},{}]")).isEqualTo(2);
	}

}
