package org.onesignin.hub.limits;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which callers may send only the trusted documents ({@code hub.graphql.*}).
 *
 * @param trustedDocumentsOnly whether callers may send only the trusted documents (by
 * text or by id); off by default, on with the {@code production} profile
 * @param trustedDocumentsExemptCallers caller kinds that may still send any document
 * while it is on ({@code partner-service}, {@code person}, {@code support-agent},
 * {@code anonymous}); with the {@code production} profile, {@code support-agent}
 */
@ConfigurationProperties("hub.graphql")
public record TrustedDocumentsProperties(boolean trustedDocumentsOnly, Set<String> trustedDocumentsExemptCallers) {

	public TrustedDocumentsProperties {
		trustedDocumentsExemptCallers = (trustedDocumentsExemptCallers != null)
				? Set.copyOf(trustedDocumentsExemptCallers) : Set.of();
		for (String kind : trustedDocumentsExemptCallers) {
			if (!CallerKinds.NAMES.contains(kind)) {
				throw new IllegalArgumentException("hub.graphql.trusted-documents-exempt-callers: unknown caller kind "
						+ kind + "; one of " + CallerKinds.NAMES);
			}
		}
	}

	/** Whether a caller of this kind may send only the trusted documents. */
	boolean restricts(String callerKind) {
		return this.trustedDocumentsOnly && !this.trustedDocumentsExemptCallers.contains(callerKind);
	}

}
