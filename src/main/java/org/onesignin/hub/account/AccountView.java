package org.onesignin.hub.account;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.access.Visibility;

/**
 * An account as one caller sees it, built from the aggregate and the caller's
 * {@link Visibility}: only the basic-detail fields and the links that visibility shows.
 * It is a read model, never decided on, so a payload cannot leak by omission.
 */
public record AccountView(String id, String signInEmail, boolean emailVerified, String pendingSignInEmail,
		AccountStatus status, int revision, BasicDetails details, List<Link> links, Instant createdAt,
		Instant updatedAt, Instant closedAt) {

	public AccountView {
		links = List.copyOf(links);
	}

	public static AccountView of(Account account, Visibility visibility) {
		BasicDetails details = BasicDetails.restricted(account.details(), visibility.fields());
		List<Link> links = account.links()
			.stream()
			.filter((link) -> visibility.services().contains(link.serviceId()))
			.map((link) -> new Link(link.serviceId(), link.serviceAccountId(), link.status(), link.linkedAt(),
					link.cancelledAt(), link.cancelledBy(), account.syncState(link.serviceId()),
					account.acknowledgedRevision(link.serviceId())))
			.toList();
		String pendingEmail = visibility.seesPendingSignInEmail() ? account.pendingSignInEmail() : null;
		return new AccountView(account.id().value(), details.email(), account.credentials().emailVerified(),
				pendingEmail, account.status(), account.revision(), details, links, account.createdAt(),
				account.updatedAt(), account.closedAt());
	}

	/** One link the caller sees, with its sync state. */
	public record Link(String serviceId, String serviceAccountId, LinkStatus status, Instant linkedAt,
			Instant cancelledAt, String cancelledBy, SyncState syncState, Integer acknowledgedRevision) {
	}

}
