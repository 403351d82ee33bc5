package io.rollcall.api.changes;

import io.rollcall.schema.change.ChangeCursor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The change log as pages, for workers without a socket: the same entries, order, cursors
 * and errors as the subscription. A page reads the log in batches until it holds
 * {@code first} changes, reaches the end of the log, or has read
 * {@code rollcall.changes.max-scan} entries, and reports where it stopped.
 */
@Component
class ChangePages {

	private final ChangeLog changeLog;

	private final ChangesProperties properties;

	ChangePages(ChangeLog changeLog, ChangesProperties properties) {
		this.changeLog = changeLog;
		this.properties = properties;
	}

	/**
	 * The first {@code first} changes {@code filter} accepts after {@code after} (a
	 * stream id; {@code null}: from the oldest entry kept).
	 * @throws CursorExpiredException when retention removed entries after {@code after}
	 */
	ChangeConnection page(String tenantId, ChangeFilter filter, String after, int first) {
		List<ChangeConnection.Edge> edges = new ArrayList<>();
		String position = after;
		int scanned = 0;
		boolean endOfLog = false;
		while (edges.size() < first && scanned < properties.maxScan() && !endOfLog) {
			int count = Math.min(properties.readBatch(), properties.maxScan() - scanned);
			ChangeLog.Page page = changeLog.read(tenantId, position, null, count);
			if (position != null && page.expiredAfter(position)) {
				throw new CursorExpiredException(page.floor());
			}
			endOfLog = page.entries().size() < count;
			for (LoggedEntry entry : page.entries()) {
				if (edges.size() == first) {
					// The rest of this batch is read again by the next page.
					endOfLog = false;
					break;
				}
				scanned++;
				position = entry.id();
				LoggedChange change = filter.accepts(entry.fields()) ? entry.change() : null;
				if (change != null) {
					edges.add(new ChangeConnection.Edge(change.cursor(), change));
				}
			}
		}
		return new ChangeConnection(edges,
				new ChangeConnection.PageInfo(!endOfLog, position == null ? null : ChangeCursor.encode(position)));
	}

}
