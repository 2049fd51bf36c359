package org.onesignin.hub.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.onesignin.hub.shared.web.ErrorBodies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a client send a trusted document by id instead of its text, in GraphQL over HTTP's
 * persisted-document form ({@code "documentId": "sha256:<hex>"}) or as an Apollo
 * persisted query ({@code extensions.persistedQuery.sha256Hash}): the request goes on
 * with the document's text as its {@code query}. An id the manifest does not know is
 * answered {@code PERSISTED_QUERY_NOT_FOUND} (Apollo clients then send the text); only
 * the manifest's documents can be named, a client cannot register others.
 */
@Component
@Order(PersistedDocumentFilter.ORDER)
class PersistedDocumentFilter extends OncePerRequestFilter {

	/** After the rate limits: an id costs a request like any other. */
	static final int ORDER = RateLimitFilter.ORDER + 1;

	private static final byte[][] MARKERS = { "documentId".getBytes(StandardCharsets.US_ASCII),
			"persistedQuery".getBytes(StandardCharsets.US_ASCII) };

	private static final byte[] QUERY = "\"query\"".getBytes(StandardCharsets.US_ASCII);

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private final TrustedDocuments trusted;

	private final JsonMapper json = JsonMapper.builder().build();

	PersistedDocumentFilter(TrustedDocuments trusted) {
		this.trusted = trusted;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(HttpMethod.POST.matches(request.getMethod()) && request.getRequestURI().equals("/graphql"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the body is bounded by RequestSizeFilter, which runs first
		byte[] body = request.getInputStream().readAllBytes();
		Optional<ObjectNode> named = namesADocument(body);
		if (named.isEmpty()) {
			chain.doFilter(new BufferedRequest(request, body), response);
			return;
		}
		ObjectNode graphQlRequest = named.get();
		String id = documentId(graphQlRequest);
		if (graphQlRequest.hasNonNull("query")) {
			if (graphQlRequest.has("documentId")) {
				refuse(request, response, "BAD_REQUEST", "Send either documentId or query, not both");
				return;
			}
			if (!TrustedDocuments.idOf(graphQlRequest.get("query").asString()).equalsIgnoreCase(id)) {
				refuse(request, response, "BAD_REQUEST", "The sha256Hash does not match the query");
				return;
			}
			// an Apollo client sends the text with its hash: the text is what runs
			chain.doFilter(new BufferedRequest(request, body), response);
			return;
		}
		Optional<String> document = this.trusted.body(id);
		if (document.isEmpty()) {
			refuse(request, response, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
			return;
		}
		graphQlRequest.remove("documentId");
		graphQlRequest.put("query", document.get());
		chain.doFilter(new BufferedRequest(request, this.json.writeValueAsBytes(graphQlRequest)), response);
	}

	/**
	 * The request as JSON when it names a document by id. A body that carries a query and
	 * no marker of an id, as most do, is not parsed here.
	 */
	private Optional<ObjectNode> namesADocument(byte[] body) {
		if (!containsAny(body) && indexOf(body, QUERY) >= 0) {
			return Optional.empty();
		}
		try {
			JsonNode tree = this.json.readTree(body);
			return (tree instanceof ObjectNode object && documentId(object) != null) ? Optional.of(object)
					: Optional.empty();
		}
		catch (JacksonException ex) {
			// not JSON: the GraphQL endpoint answers it as usual
			return Optional.empty();
		}
	}

	private static String documentId(ObjectNode request) {
		JsonNode documentId = request.get("documentId");
		if (documentId != null && documentId.isString()) {
			return documentId.asString();
		}
		JsonNode hash = request.path("extensions").path("persistedQuery").get("sha256Hash");
		return (hash != null && hash.isString()) ? hash.asString() : null;
	}

	private static boolean containsAny(byte[] body) {
		for (byte[] marker : MARKERS) {
			if (indexOf(body, marker) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static int indexOf(byte[] body, byte[] marker) {
		outer: for (int start = 0; start <= body.length - marker.length; start++) {
			for (int offset = 0; offset < marker.length; offset++) {
				if (body[start + offset] != marker[offset]) {
					continue outer;
				}
			}
			return start;
		}
		return -1;
	}

	/**
	 * A request error, as the GraphQL endpoint answers one: 200 in
	 * {@code application/json}, 400 when the client asks for
	 * {@code application/graphql-response+json} only.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, String classification,
			String message) throws IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		List<MediaType> accepted = (accept != null) ? MediaType.parseMediaTypes(accept) : List.of();
		boolean graphQlResponse = accepted.stream().anyMatch(GRAPHQL_RESPONSE::equalsTypeAndSubtype)
				&& accepted.stream().noneMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype);
		// Apollo clients read the code, as their servers name it
		ErrorBodies.write(response, graphQlResponse ? 400 : 200,
				graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON, classification, message,
				Map.of("code", classification));
	}

}
