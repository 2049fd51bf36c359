package org.onesignin.hub.dataexport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's export, read from the stores as it is written: the sections in their
 * documented order, the growing ones (change history, access log, service changes) a page
 * at a time, so that writing it out holds one page of each, however much the hub keeps
 * about the person. The person was authorised and their account found before this exists.
 */
@FunctionalInterface
public interface DataExport {

	/** Writes every section, in order, to the sink. */
	void writeTo(Sections sections);

	/**
	 * The whole export as one map, every list read out (for the GraphQL field, whose
	 * answer is one value): holds all of it in memory, unlike {@link #writeTo}.
	 */
	default Map<String, Object> toMap() {
		Map<String, Object> export = new LinkedHashMap<>();
		writeTo(new Sections() {
			@Override
			public void value(String name, Object value) {
				export.put(name, value);
			}

			@Override
			public void list(String name, Iterable<?> items) {
				List<Object> all = new ArrayList<>();
				items.forEach(all::add);
				export.put(name, all);
			}
		});
		return export;
	}

	/** Where the export's sections go, one named section after the other. */
	interface Sections {

		/** A section of bounded size, given whole. */
		void value(String name, Object value);

		/** A section that grows with time, read as it is iterated. */
		void list(String name, Iterable<?> items);

	}

}
