package org.onesignin.hub.dataexport.web;

import java.util.Map;

import org.onesignin.hub.dataexport.DataExportManagement;
import org.onesignin.hub.shared.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /me/export} with the person's bearer token: the same export as a JSON file.
 */
@RestController
class DataExportDownloadController {

	private final DataExportManagement export;

	DataExportDownloadController(DataExportManagement export) {
		this.export = export;
	}

	@GetMapping(path = "/me/export", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> download(@AuthenticationPrincipal Caller caller) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("one-sign-in-export.json").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.export.export(caller));
	}

}
