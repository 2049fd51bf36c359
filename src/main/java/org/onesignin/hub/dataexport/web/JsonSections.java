package org.onesignin.hub.dataexport.web;

import org.onesignin.hub.dataexport.DataExport;
import tools.jackson.core.JsonGenerator;

/**
 * The export's sections as the fields of one JSON object, each written as it comes:
 * values through the application's JSON mapper (so names and formats are those of every
 * other answer), a growing section item by item.
 */
final class JsonSections implements DataExport.Sections {

	private final JsonGenerator json;

	JsonSections(JsonGenerator json) {
		this.json = json;
	}

	@Override
	public void value(String name, Object value) {
		this.json.writeName(name);
		this.json.writePOJO(value);
	}

	@Override
	public void list(String name, Iterable<?> items) {
		this.json.writeName(name);
		this.json.writeStartArray();
		for (Object item : items) {
			this.json.writePOJO(item);
		}
		this.json.writeEndArray();
	}

}
