package org.onesignin.hub.dataexport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onesignin.hub.account.ChangeHistory;
import org.onesignin.hub.account.ChangeHistoryEntry;
import org.onesignin.hub.account.ChangedField;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code GET /me/export}: the file only for the signed-in person, never cached, and a
 * download that fails midway fails visibly, without a trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataExportDownloadIntegrationTests extends DataExportTest {

	static final Instant SOME_TIME = Instant.parse("2026-06-01T10:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ChangeHistory history;

	@Test
	void servesTheExportAsAFileThatIsNeverCached() {
		String id = registerThrough("my-sony");

		Map<String, Object> file = http().get()
			.uri("/me/export")
			.headers((headers) -> headers.setBearerAuth(this.jwts.user(id, "account-pages")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment; filename=\"?one-sign-in-export.json\"?")
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();

		assertThat(file).containsKeys("account", "basicDetails", "consentRecords", "accessLog");
	}

	@Test
	void refusesTheDownloadWithoutAValidToken() {
		String id = registerThrough("my-sony");

		for (String token : new String[] { null, this.jwts.signedWithForeignKey(id), this.jwts.expired(id) }) {
			byte[] body = http().get().uri("/me/export").headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			}).exchange().expectStatus().isUnauthorized().expectBody().returnResult().getResponseBody();
			assertThat(text(body)).doesNotContain(id).doesNotContain("one-sign-in-hub/export");
		}
	}

	@Test
	void refusesTheDownloadToEveryCallerButThePerson() {
		String id = registerThrough("my-sony");

		for (String token : new String[] { this.jwts.partner("my-sony"),
				this.jwts.supportAgent("agent-1", "sony-europe"), this.jwts.user(id, "sony-music") }) {
			byte[] body = http().get()
				.uri("/me/export")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(text(body)).doesNotContain(id).doesNotContain("one-sign-in-hub/export");
		}
	}

	@Test
	void answersNotFoundForAPersonTheHubDoesNotHold() {
		String nobody = UUID.randomUUID().toString();

		Download download = rawDownload(nobody);

		assertThat(download.status()).isEqualTo(404);
		assertThat(classificationOf(download.body())).isEqualTo("NOT_FOUND");
		assertThat(download.headers().firstValue("Content-Disposition")).isEmpty();
		assertNoTrace(download.body());
	}

	@Test
	void breaksOffADownloadThatFailsMidwayWithoutAWholeLookingFileOrATrace(CapturedOutput output) {
		String id = registerThrough("my-sony");
		this.history.saveAll(IntStream.range(0, 250).mapToObj((revision) -> historyEntry(id, revision)).toList());
		this.mongo.insert(unreadableHistoryEntry(id), "change_history");

		Download download = rawDownload(id);

		assertThat(download.status()).isEqualTo(200);
		assertThat(download.broken()).as("the transfer ends before the body does").isTrue();
		assertThat(download.body()).contains("\"changeHistory\":[").doesNotContain("\"accessLog\"");
		assertThatThrownBy(() -> JSON.readTree(download.body())).as("not a whole document")
			.isInstanceOf(RuntimeException.class);
		assertNoTrace(download.body());
		assertThat(output.getAll()).contains("A data export stopped midway");
		assertNoTraceInTheLog(output.getAll());
	}

	@Test
	void answersAnExportThatFailsBeforeAnythingWasSentWithAnOpaqueError(CapturedOutput output) {
		String id = registerThrough("my-sony");
		this.mongo.insert(unreadableHistoryEntry(id), "change_history");

		Download download = rawDownload(id);

		assertThat(download.status()).isEqualTo(500);
		assertThat(download.broken()).isFalse();
		assertThat(download.headers().firstValue("Content-Disposition")).as("no file").isEmpty();
		assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(download.headers().firstValue("RateLimit-Remaining")).isPresent();
		assertThat(classificationOf(download.body())).isEqualTo("INTERNAL_ERROR");
		assertThat(download.body()).doesNotContain(id);
		assertNoTrace(download.body());
		assertThat(output.getAll()).contains("A data export stopped midway");
		assertNoTraceInTheLog(output.getAll());
	}

	/** The download read as far as the connection carries it. */
	private Download rawDownload(String id) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/me/export"))
			.header("Authorization", "Bearer " + this.jwts.user(id, "account-pages"))
			.build();
		try {
			HttpResponse<InputStream> response = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(request, HttpResponse.BodyHandlers.ofInputStream());
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			boolean broken = false;
			try (InputStream in = response.body()) {
				in.transferTo(body);
			}
			catch (IOException ex) {
				broken = true;
			}
			return new Download(response.statusCode(), response.headers(), body.toString(StandardCharsets.UTF_8),
					broken);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static ChangeHistoryEntry historyEntry(String accountId, int revision) {
		return new ChangeHistoryEntry(accountId + ":" + revision, accountId, revision, ChangedField.GIVEN_NAME,
				"Ada" + revision, "Ada" + (revision + 1),
				new ChangeOrigin(CallerKind.USER, accountId, "sony-europe", "my-sony", null), SOME_TIME);
	}

	/**
	 * A change-history document the hub cannot read back (a field it does not know),
	 * after every other entry.
	 */
	private static Document unreadableHistoryEntry(String accountId) {
		return new Document("_id", accountId + ":unreadable").append("accountId", accountId)
			.append("revision", 100_000)
			.append("field", "NO_SUCH_FIELD")
			.append("time", Date.from(SOME_TIME));
	}

	/** The classification of the first error of a JSON error answer. */
	private static String classificationOf(String body) {
		return JSON.readTree(body).path("errors").path(0).path("extensions").path("classification").asString();
	}

	/** No stack trace, class name or unreadable data in an answer. */
	private static void assertNoTrace(String body) {
		assertThat(body).doesNotContain("\tat ")
			.doesNotContain("Exception")
			.doesNotContain("org.onesignin")
			.doesNotContain("NO_SUCH_FIELD");
	}

	/** No stack frame, and none of the data that could not be read, in the log. */
	private static void assertNoTraceInTheLog(String log) {
		assertThat(log).doesNotContain("\tat ").doesNotContain("NO_SUCH_FIELD");
	}

	private static String text(byte[] body) {
		return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
	}

	/**
	 * What a client received: the status and headers, the body as far as it came, and
	 * whether the transfer broke off.
	 */
	record Download(int status, java.net.http.HttpHeaders headers, String body, boolean broken) {
	}

}
