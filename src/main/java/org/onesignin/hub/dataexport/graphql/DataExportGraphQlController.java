package org.onesignin.hub.dataexport.graphql;

import java.util.List;
import java.util.Map;

import org.onesignin.hub.dataexport.DataExportManagement;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.graphql.UserError;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * exportMyData over GraphQL: one answer, so the whole export in memory; the download at
 * {@code GET /me/export} streams the same content.
 */
@Controller
class DataExportGraphQlController {

	private final DataExportManagement export;

	DataExportGraphQlController(DataExportManagement export) {
		this.export = export;
	}

	@MutationMapping
	ExportMyDataPayload exportMyData(@AuthenticationPrincipal Caller caller) {
		return new ExportMyDataPayload(this.export.export(caller), List.of());
	}

	record ExportMyDataPayload(Map<String, Object> data, List<UserError> errors) {
	}

}
