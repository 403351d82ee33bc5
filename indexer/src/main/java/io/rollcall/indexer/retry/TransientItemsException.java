package io.rollcall.indexer.retry;

/**
 * Some items of a request failed transiently while the others got their final answer:
 * thrown to have the {@link Retrier} send those items again. It counts them, so that
 * {@code rollcall.indexer.retries} says how many items were retried.
 */
public class TransientItemsException extends RuntimeException {

	private final int items;

	public TransientItemsException(int items, String lastError) {
		super(items + " item(s) failed transiently, the last with " + lastError);
		this.items = items;
	}

	int items() {
		return items;
	}

}
