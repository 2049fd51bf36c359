package org.onesignin.hub.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;

/**
 * Rule 6, scoped visibility: what a caller may see of an account. The owner on the
 * account pages sees everything; the owner signed in through a partner service's own
 * client sees what that service may see; a support agent of company X sees basic details
 * of accounts with an active link to a service of X (and the links to X's services); a
 * partner service sees accounts actively linked to it, only its entitled fields and only
 * its own link. Nobody else sees anything, and "not allowed" looks exactly like "absent".
 */
public record AccountAccess(Scope scope, Set<BasicDetailField> fields, List<LinkedAccount> links) {

	public enum Scope {

		/** The person on the account pages. */
		OWNER,
		/** The person signed in through a partner service's own client. */
		OWNER_THROUGH_SERVICE, SUPPORT, PARTNER

	}

	public static Optional<AccountAccess> of(Caller caller, Account account, Registry registry) {
		if (caller.kind() == CallerKind.USER) {
			if (!caller.isAccountOwner(account.id().value())) {
				return Optional.empty();
			}
			if (caller.accountPages()) {
				return Optional
					.of(new AccountAccess(Scope.OWNER, EnumSet.allOf(BasicDetailField.class), account.links()));
			}
			// a partner's own sign-in: what that service is entitled to, and its own link
			Optional<Service> service = Optional.ofNullable(caller.serviceId()).flatMap(registry::service);
			return Optional
				.of(new AccountAccess(Scope.OWNER_THROUGH_SERVICE, service.map(Service::syncedFields).orElse(Set.of()),
						account.links().stream().filter((l) -> l.serviceId().equals(caller.serviceId())).toList()));
		}
		if (!account.isActive()) {
			return Optional.empty();
		}
		if (caller.kind() == CallerKind.SUPPORT_AGENT && caller.actingCompanyId() != null) {
			List<LinkedAccount> ownCompanyLinks = account.activeLinks()
				.stream()
				.filter((link) -> registry.service(link.serviceId())
					.map((s) -> s.isControlledBy(caller.actingCompanyId()))
					.orElse(false))
				.toList();
			return ownCompanyLinks.isEmpty() ? Optional.empty() : Optional
				.of(new AccountAccess(Scope.SUPPORT, EnumSet.allOf(BasicDetailField.class), ownCompanyLinks));
		}
		if (caller.kind() == CallerKind.PARTNER_SERVICE && caller.serviceId() != null) {
			Optional<LinkedAccount> link = account.activeLink(caller.serviceId());
			Optional<Service> service = registry.service(caller.serviceId());
			if (link.isPresent() && service.isPresent()) {
				return Optional.of(new AccountAccess(Scope.PARTNER, service.get().syncedFields(), List.of(link.get())));
			}
		}
		return Optional.empty();
	}

	public boolean isOwner() {
		return this.scope == Scope.OWNER;
	}

	/**
	 * Reads and changes by someone other than the person are written to the access log.
	 */
	public boolean isLogged() {
		return this.scope == Scope.SUPPORT || this.scope == Scope.PARTNER;
	}

	/**
	 * The account as this caller may see it. Given the account after a change the caller
	 * made, it shows the current state of the links the caller could see before (so a
	 * cancellation shows the cancelled link, even though access ends with it).
	 */
	public Account view(Account account) {
		if (isOwner()) {
			return account;
		}
		java.util.Set<String> visibleServices = this.links.stream()
			.map(LinkedAccount::serviceId)
			.collect(java.util.stream.Collectors.toSet());
		return account.restrictedTo(this.fields,
				account.links().stream().filter((link) -> visibleServices.contains(link.serviceId())).toList());
	}

}
