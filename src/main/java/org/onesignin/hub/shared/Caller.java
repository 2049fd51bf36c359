package org.onesignin.hub.shared;

/**
 * Who is calling, resolved from the access token: the kind, the subject (account id for a
 * user, agent id for support, client id for a partner), the OAuth client that obtained
 * the token, the service that client acts for (if any), the one company the request acts
 * for, and whether the client is the account pages (a person's full self-service) rather
 * than a partner service's own sign-in.
 *
 * <p>
 * A caller is resolved once per authenticated request (once per connection on a
 * WebSocket), so it also names that request: {@code requestId} is unique to it and lets
 * the access log write each access of a request once, however many fields of the request
 * read the same account. It is null for a caller not resolved from a request.
 */
public record Caller(CallerKind kind, String subject, String clientId, String serviceId, String actingCompanyId,
		boolean accountPages, java.time.Instant expiresAt, String requestId) {

	public boolean is(CallerKind candidate) {
		return this.kind == candidate;
	}

	public boolean isAccountOwner(String accountId) {
		return this.kind == CallerKind.USER && this.subject != null && this.subject.equals(accountId);
	}

	/**
	 * The owner on the account pages: the only caller with the person's full
	 * self-service.
	 */
	public boolean isSelfService(String accountId) {
		return isAccountOwner(accountId) && this.accountPages;
	}

}
