package org.onesignin.hub.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.onesignin.hub.shared.Sha256;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trusted documents: the operations the hub's clients publish in
 * {@code graphql/operations/}, as the build wrote them into the manifest
 * ({@link #MANIFEST}). A document is trusted when its text is exactly one of them; a
 * client may send it by id instead ({@code sha256:<hex>} or the bare hex of Apollo's
 * persisted queries).
 */
public final class TrustedDocuments {

	/** Where the build puts the manifest on the classpath. */
	public static final String MANIFEST = "graphql/trusted-documents.json";

	private static final String PREFIX = "sha256:";

	private final Map<String, String> bodiesById;

	private final Map<String, String> idsByBody;

	private final byte[] manifest;

	private final String manifestId;

	private TrustedDocuments(byte[] manifest, Map<String, String> bodiesById) {
		this.manifest = manifest;
		this.manifestId = idOf(new String(manifest, StandardCharsets.UTF_8));
		this.bodiesById = Map.copyOf(bodiesById);
		Map<String, String> idsByBody = new HashMap<>();
		bodiesById.forEach((id, body) -> idsByBody.put(body, id));
		this.idsByBody = Map.copyOf(idsByBody);
	}

	/** Reads a manifest as the build wrote it. */
	static TrustedDocuments read(InputStream in) throws IOException {
		byte[] manifest = in.readAllBytes();
		JsonNode operations = JsonMapper.builder().build().readTree(manifest).path("operations");
		Map<String, String> bodiesById = new HashMap<>();
		for (JsonNode operation : operations) {
			String body = operation.path("body").asString();
			if (!idOf(body).equals(operation.path("id").asString())) {
				throw new IllegalStateException("The trusted-document manifest does not match its documents");
			}
			bodiesById.put(idOf(body), body);
		}
		return new TrustedDocuments(manifest, bodiesById);
	}

	/** The hex SHA-256 of a document's text in UTF-8: its id without the prefix. */
	public static String idOf(String body) {
		return Sha256.hex(body);
	}

	/**
	 * The document a client names by id ({@code sha256:<hex>} or bare hex), if trusted.
	 */
	Optional<String> body(String documentId) {
		String id = documentId.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				? documentId.substring(PREFIX.length()) : documentId;
		return Optional.ofNullable(this.bodiesById.get(id.toLowerCase(java.util.Locale.ROOT)));
	}

	/** Whether a document's text is exactly one of the trusted documents. */
	boolean isTrusted(String body) {
		return body != null && this.idsByBody.containsKey(body);
	}

	/** The SHA-256 of the manifest: changes with any document. */
	String manifestId() {
		return this.manifestId;
	}

	/** The manifest's bytes, as published. */
	byte[] manifest() {
		return this.manifest.clone();
	}

}
