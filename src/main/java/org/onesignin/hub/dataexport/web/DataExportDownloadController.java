package org.onesignin.hub.dataexport.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.dataexport.DataExport;
import org.onesignin.hub.dataexport.DataExportManagement;
import org.onesignin.hub.shared.AccountNotFoundException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.web.ErrorBodies;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /me/export} with the person's bearer token: the same export as a JSON file,
 * streamed as it is read from the stores.
 *
 * <p>
 * The request is authorised and the account found before anything is written, so a
 * refusal is an ordinary 401 or 403 (404 for a person the hub does not hold). If reading
 * fails once the file is under way, the hub writes nothing more and never closes the
 * document: while nothing has left yet, the answer becomes a 500 with an opaque JSON
 * error; after, the container closes the connection before the body ends (and writes no
 * error page into it, see {@code NoErrorPageInAStartedAnswer}), so the client sees a
 * failed download, never a well-formed but partial export, and in neither case a stack
 * trace.
 */
@RestController
class DataExportDownloadController {

	private static final Logger log = LoggerFactory.getLogger(DataExportDownloadController.class);

	private final DataExportManagement export;

	private final JsonMapper json;

	DataExportDownloadController(DataExportManagement export, JsonMapper json) {
		this.export = export;
		this.json = json;
	}

	@GetMapping(path = "/me/export", produces = MediaType.APPLICATION_JSON_VALUE)
	void download(@AuthenticationPrincipal Caller caller, HttpServletResponse response) throws IOException {
		DataExport export = this.export.open(caller);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("one-sign-in-export.json").build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// written on this request's thread: an async body would be cut off by the
		// container's async timeout on a large export
		JsonGenerator generator = this.json.createGenerator(response.getOutputStream());
		try {
			generator.writeStartObject();
			export.writeTo(new JsonSections(generator));
			generator.writeEndObject();
		}
		catch (JacksonIOException ex) {
			// the client went away: nobody is left to tell
			throw ex.getCause();
		}
		catch (RuntimeException ex) {
			// the generator is not closed: closing it would end the document as if whole
			stoppedMidway(ex, response);
			return;
		}
		generator.close();
	}

	/**
	 * Answers a 500 while nothing has left yet; otherwise throws, so that the container
	 * closes the connection before the body ends.
	 */
	private static void stoppedMidway(RuntimeException cause, HttpServletResponse response) throws IOException {
		// the type only: a message may carry the person's data
		log.warn("A data export stopped midway: {}", cause.getClass().getSimpleName());
		if (response.isCommitted()) {
			throw new ExportStoppedException();
		}
		// the answer is no file any more; what the filters said (rate limits) stays
		Map<String, List<String>> kept = new LinkedHashMap<>();
		response.getHeaderNames()
			.stream()
			.filter((name) -> !name.equalsIgnoreCase(HttpHeaders.CONTENT_DISPOSITION))
			.forEach((name) -> kept.put(name, List.copyOf(response.getHeaders(name))));
		response.reset();
		kept.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		ErrorBodies.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"The export could not be completed; try again later");
	}

	/**
	 * A token whose person the hub does not hold (an identity never registered here):
	 * NOT_FOUND, exactly as the GraphQL field says it.
	 */
	@ExceptionHandler(AccountNotFoundException.class)
	void notFound(AccountNotFoundException ex, HttpServletResponse response) throws IOException {
		ErrorBodies.write(response, HttpServletResponse.SC_NOT_FOUND, "NOT_FOUND", ex.getMessage());
	}

	/**
	 * The export stopped after it was logged why: no cause and no stack trace to log
	 * again.
	 */
	static final class ExportStoppedException extends IOException {

		ExportStoppedException() {
			super("The data export stopped midway");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
