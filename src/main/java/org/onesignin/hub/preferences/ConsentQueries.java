package org.onesignin.hub.preferences;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountGate;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.AccountNotFoundException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.shared.SignedIn;
import org.springframework.stereotype.Service;

/**
 * The reads of marketing preferences through the accounts' gate: the preferences a caller
 * may see, the owner's consent records, and rule 7's contact gate.
 */
@Service
@SignedIn
public class ConsentQueries {

	private final AccountGate gate;

	private final ConsentLedgers ledgers;

	private final RegistryManagement registry;

	private final Clock clock;

	ConsentQueries(AccountGate gate, ConsentLedgers ledgers, RegistryManagement registry, Clock clock) {
		this.gate = gate;
		this.ledgers = ledgers;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * The preferences the caller may see: all of them for the owner; for anyone else only
	 * the consent of its own company. Reads by others are logged, with the ticket of the
	 * account read they belong to.
	 */
	public PreferencesView preferences(Caller caller, String accountId, String ticket) {
		AccountGate.Visible visible = this.gate.read(AccessRequest.of(caller, Operation.READ_PREFERENCES)
			.onAccount(accountId)
			.withTicket(ticket)
			.touching(List.of(String.valueOf(caller.actingCompanyId()))));
		return PreferencesView.of(visible.account(), visible.visibility(), caller.actingCompanyId(),
				this.ledgers.load(accountId).records(), this.registry.registry(), today());
	}

	/** The owner's consent records, oldest first, one page from the position on. */
	public Page<ConsentRecord> consentHistory(Caller caller, String accountId, PageRequest page) {
		this.gate.policy().authorize(AccessRequest.of(caller, Operation.READ_CONSENT_HISTORY).onAccount(accountId));
		return this.ledgers.history(accountId, page);
	}

	/**
	 * Rule 7: may the company send through the channel now, and why not. Answers a
	 * partner or support agent of that company about people linked (or once linked) to
	 * it; a cancelled or closed relation answers ACCOUNT_NOT_ACTIVE.
	 */
	public ContactPermission contactPermission(Caller caller, String accountId, String companyId, Channel channel,
			String address, ContactPurpose purpose) {
		AccessRequest request = AccessRequest.of(caller, Operation.CHECK_CONTACT_PERMISSION)
			.onAccount(accountId)
			.forCompany(companyId)
			.touching(List.of(companyId + ":" + channel + ":" + purpose));
		Account account = this.gate.readForContactPermission(request);
		Company company = this.registry.registry().company(companyId).orElseThrow(AccountNotFoundException::new);
		boolean active = account.isActive() && !this.gate.policy()
			.contactPermissionServices(caller, account.activeServiceIds(), companyId)
			.isEmpty();
		return new MarketingPreferences(accountId, this.ledgers.load(accountId).records()).contactPermission(company,
				channel, address, purpose, active, account.signInEmail(), account.details().dateOfBirth(), today());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
