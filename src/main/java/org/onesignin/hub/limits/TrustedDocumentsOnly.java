package org.onesignin.hub.limits;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * With {@code hub.graphql.trusted-documents-only}, a caller not exempted sends only the
 * trusted documents (by text or by id): any other is refused before it is parsed, with a
 * request error classified {@code TRUSTED_DOCUMENT_REQUIRED}. A WebSocket carries only
 * partners' subscriptions, so a document sent on one counts as a partner's.
 */
class TrustedDocumentsOnly implements WebGraphQlInterceptor {

	/** The classification of a refused document. */
	enum Refusal implements ErrorClassification {

		TRUSTED_DOCUMENT_REQUIRED

	}

	private final TrustedDocuments trusted;

	private final TrustedDocumentsProperties properties;

	TrustedDocumentsOnly(TrustedDocuments trusted, TrustedDocumentsProperties properties) {
		this.trusted = trusted;
		this.properties = properties;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String callerKind = (request instanceof WebSocketGraphQlRequest) ? CallerKinds.PARTNER_SERVICE
				: CallerKinds.of(CallerKinds.current());
		if (!this.properties.restricts(callerKind) || this.trusted.isTrusted(request.getDocument())) {
			return chain.next(request);
		}
		GraphQLError refusal = GraphQLError.newError()
			.errorType(Refusal.TRUSTED_DOCUMENT_REQUIRED)
			.message("Only the hub's published documents run here; their manifest is at "
					+ TrustedDocumentsConfiguration.MANIFEST_PATH)
			.build();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult().addError(refusal).build())));
	}

}
