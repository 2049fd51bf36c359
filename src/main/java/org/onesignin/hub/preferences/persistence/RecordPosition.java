package org.onesignin.hub.preferences.persistence;

import java.util.Map;

import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.PagePosition;

/**
 * Where a consent record stands in its ledger: the sequence of its change and its index
 * among that change's records. A cursor of any other shape (another list's, an offset) is
 * the caller's mistake, a BAD_REQUEST.
 */
record RecordPosition(long sequence, int index) {

	private static final String SEQUENCE = "sequence";

	private static final String INDEX = "index";

	/** Before the first record of every ledger (changes start at sequence 1). */
	private static final RecordPosition START = new RecordPosition(0, -1);

	static RecordPosition after(PagePosition position) {
		if (position == null) {
			return START;
		}
		Map<String, Object> keys = position.keys();
		if (keys.size() == 2 && keys.get(SEQUENCE) instanceof Long sequence && keys.get(INDEX) instanceof Integer index
				&& sequence > 0 && index >= 0) {
			return new RecordPosition(sequence, index);
		}
		throw new BadRequestException("Not a valid cursor");
	}

	boolean isAfter(RecordPosition other) {
		return this.sequence > other.sequence || (this.sequence == other.sequence && this.index > other.index);
	}

	PagePosition toPagePosition() {
		return new PagePosition(Map.of(SEQUENCE, this.sequence, INDEX, this.index));
	}

}
