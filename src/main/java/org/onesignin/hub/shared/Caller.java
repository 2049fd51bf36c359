package org.onesignin.hub.shared;

/**
 * Who is calling, resolved from the access token: the kind, the subject (account id for a
 * user, agent id for support, client id for a partner), the OAuth client that obtained the
 * token, the service that client acts for (if any) and the one company the request acts for.
 */
public record Caller(CallerKind kind, String subject, String clientId, String serviceId, String actingCompanyId) {

	public static final Caller ANONYMOUS = new Caller(CallerKind.ANONYMOUS, null, null, null, null);

	public boolean is(CallerKind candidate) {
		return this.kind == candidate;
	}

	public boolean isAccountOwner(String accountId) {
		return this.kind == CallerKind.USER && this.subject != null && this.subject.equals(accountId);
	}

}
