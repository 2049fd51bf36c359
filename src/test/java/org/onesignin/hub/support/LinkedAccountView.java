package org.onesignin.hub.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One of an account's {@code linkedAccounts}, as the GraphQL API shows it; the fields the
 * document did not ask for are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkedAccountView(Ref service, String serviceAccountId, String status, String syncState,
		Integer acknowledgedRevision, Ref cancelledBy) {

	public String serviceId() {
		return this.service.id();
	}

	/** The company that cancelled the link, if it is cancelled. */
	public String cancelledById() {
		return (this.cancelledBy != null) ? this.cancelledBy.id() : null;
	}

	/** The one link to {@code serviceId} among {@code links}. */
	public static LinkedAccountView linkTo(String serviceId, List<LinkedAccountView> links) {
		List<LinkedAccountView> matching = links.stream().filter((link) -> link.serviceId().equals(serviceId)).toList();
		if (matching.size() != 1) {
			throw new AssertionError("Expected one link to " + serviceId + " in " + links);
		}
		return matching.get(0);
	}

}
