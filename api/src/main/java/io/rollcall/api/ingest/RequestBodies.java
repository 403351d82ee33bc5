package io.rollcall.api.ingest;

import io.rollcall.api.error.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Reads a write's body up to {@code rollcall.ingest.max-body-size}: a declared length
 * over the limit is refused before reading, and reading stops one byte past the limit for
 * bodies whose length is not declared (chunked), so an oversized body never fills the
 * heap.
 */
@Component
class RequestBodies {

	private final IngestProperties properties;

	RequestBodies(IngestProperties properties) {
		this.properties = properties;
	}

	byte[] read(InputStream body, Long declaredLength) throws IOException {
		long limit = properties.maxBodySize().toBytes();
		if (declaredLength != null && declaredLength > limit) {
			throw new PayloadTooLargeException(properties.maxBodySize());
		}
		byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (bytes.length > limit) {
			throw new PayloadTooLargeException(properties.maxBodySize());
		}
		return bytes;
	}

}
