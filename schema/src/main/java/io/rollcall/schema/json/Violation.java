package io.rollcall.schema.json;

/**
 * One thing wrong with one item of a batch: which item (zero-based index and, when it
 * could be read, its id), which field (wire name, {@code null} when the item as a whole
 * is unreadable) and what is wrong with it.
 */
public record Violation(int index, String itemId, String field, String message) {

	@Override
	public String toString() {
		return "item " + index + (itemId == null ? "" : " (" + itemId + ")")
				+ (field == null ? "" : ", field '" + field + "'") + ": " + message;
	}
}
