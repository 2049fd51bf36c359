package org.onesignin.hub.limits;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each trusted document once: the entry is kept by the document's
 * text, so the cache holds at most the manifest. The cost limits still run on every
 * request, since page sizes come with its variables; any other document is parsed and
 * validated as usual.
 */
class TrustedDocumentCache implements PreparsedDocumentProvider {

	private final TrustedDocuments trusted;

	private final GraphQlCostLimits costs;

	private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

	TrustedDocumentCache(TrustedDocuments trusted, GraphQlCostLimits costs) {
		this.trusted = trusted;
		this.costs = costs;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry cached = this.entries.get(input.getQuery());
		if (cached == null) {
			PreparsedDocumentEntry entry = parseAndValidate.apply(input);
			if (!entry.hasErrors() && this.trusted.isTrusted(input.getQuery())) {
				this.entries.put(input.getQuery(), entry);
			}
			return CompletableFuture.completedFuture(entry);
		}
		return CompletableFuture.completedFuture(
				this.costs.refusal(cached.getDocument(), input).map(PreparsedDocumentEntry::new).orElse(cached));
	}

}
