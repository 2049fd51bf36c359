package org.onesignin.hub.account;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.SignedIn;

/**
 * The reads of One Sign In identities, each the caller's view: the person's own account,
 * an account within a support agent's or partner's scope (logged), the support search
 * (every result logged) and the owner's change history.
 */
@org.springframework.stereotype.Service
@SignedIn
public class AccountQueries {

	private final AccountGate gate;

	private final Accounts accounts;

	private final ChangeHistory history;

	private final RegistryManagement registry;

	AccountQueries(AccountGate gate, Accounts accounts, ChangeHistory history, RegistryManagement registry) {
		this.gate = gate;
		this.accounts = accounts;
		this.history = history;
		this.registry = registry;
	}

	/** The caller's own account, or empty for a caller that is not a person. */
	public Optional<AccountView> me(Caller caller) {
		AccessRequest request = AccessRequest.of(caller, Operation.READ_OWN_ACCOUNT);
		if (!this.gate.policy().allows(request)) {
			return Optional.empty();
		}
		// an erased identity has nothing left to show
		return this.gate.visible(request, new AccountId(caller.subject()))
			.filter((visible) -> visible.account().status() != AccountStatus.ERASED)
			.map(AccountGate.Visible::view);
	}

	/** An account as the caller may see it; support reads need a ticket. */
	public AccountView account(Caller caller, String id, String ticket) {
		return this.gate.read(AccessRequest.of(caller, Operation.READ_ACCOUNT).onAccount(id).withTicket(ticket)).view();
	}

	/**
	 * Support search within the agent's company scope (accounts with an active link to
	 * one of its services): exact normalised email, exact phone, name prefix.
	 */
	public Page<AccountView> searchAccounts(Caller caller, String email, String phone, String name, String ticket,
			PageRequest page) {
		AccessRequest request = AccessRequest.of(caller, Operation.SEARCH_ACCOUNTS).withTicket(ticket);
		this.gate.admitQuery(request);
		for (String criterion : new String[] { email, phone, name }) {
			if (criterion != null && criterion.length() > BasicDetailsValidation.MAX_INPUT_LENGTH) {
				throw new BadRequestException(
						"A search criterion is at most " + BasicDetailsValidation.MAX_INPUT_LENGTH + " characters");
			}
		}
		String emailKey = (email != null && !email.isBlank()) ? BasicDetailsValidation.emailKey(email) : null;
		String phoneKey = null;
		if (phone != null && !phone.isBlank()) {
			phoneKey = BasicDetailsValidation.e164(phone)
				.orElseThrow(() -> new BadRequestException("Not a valid phone number"));
		}
		String namePrefix = (name != null && !name.isBlank()) ? name.strip() : null;
		if (emailKey == null && phoneKey == null && namePrefix == null) {
			throw new BadRequestException("Search by email, phone or name");
		}
		Set<String> services = this.registry.registry()
			.servicesControlledBy(caller.actingCompanyId())
			.stream()
			.map(Service::id)
			.collect(Collectors.toSet());
		if (services.isEmpty()) {
			return Page.empty();
		}
		Page<AccountGate.Visible> found = this.accounts.search(services, emailKey, phoneKey, namePrefix, page)
			.map((account) -> this.gate.visibleAs(request, account).orElseThrow());
		// every result logged, in one write whatever the page size
		this.gate.logIfNotOwner(request, found.items());
		return found.map(AccountGate.Visible::view);
	}

	/** The owner's field-level change history, oldest first. */
	public Page<ChangeHistoryEntry> changeHistory(Caller caller, String accountId, PageRequest page) {
		this.gate.policy().authorize(AccessRequest.of(caller, Operation.READ_CHANGE_HISTORY).onAccount(accountId));
		return this.history.page(new AccountId(accountId), page);
	}

}
