package org.onesignin.hub.preferences;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.account.AccountGate;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.onesignin.hub.shared.SignedIn;
import org.springframework.stereotype.Service;

/**
 * RFC 8058 one-click unsubscribe: a partner of the company gets a signed link for one of
 * the person's addresses; the link, with no sign-in, withdraws only that company and
 * address, idempotently. A tampered or foreign token changes nothing.
 */
@Service
public class UnsubscribeLinks {

	private final AccountGate gate;

	private final ConsentLedgers ledgers;

	private final ConsentUpdates updates;

	private final RegistryManagement registry;

	private final UnsubscribeTokens tokens;

	UnsubscribeLinks(AccountGate gate, ConsentLedgers ledgers, ConsentUpdates updates, RegistryManagement registry,
			UnsubscribeTokens tokens) {
		this.gate = gate;
		this.ledgers = ledgers;
		this.updates = updates;
		this.registry = registry;
		this.tokens = tokens;
	}

	/**
	 * A token for an unsubscribe link, for a partner service of the company about to
	 * send.
	 */
	@SignedIn
	public String unsubscribeToken(Caller caller, String accountId, String companyId, String address) {
		AccountGate.Visible visible = this.gate.read(
				AccessRequest.of(caller, Operation.ISSUE_UNSUBSCRIBE_TOKEN).onAccount(accountId).forCompany(companyId));
		String key = MarketingPreferences.normalise(address);
		if (!new MarketingPreferences(accountId, this.ledgers.load(accountId).records())
			.emailAddressesFor(companyId, visible.account().signInEmail())
			.contains(key)) {
			throw new BadRequestException("Not one of this person's email addresses");
		}
		return this.tokens.issue(accountId, companyId, key);
	}

	/** Withdraws the email consent the token names; needs no sign-in. */
	public Outcome<Unsubscribed> unsubscribe(String token) {
		Optional<UnsubscribeTokens.Subject> subject = (token != null) ? this.tokens.verify(token) : Optional.empty();
		Company company = subject.flatMap((s) -> this.registry.registry().company(s.companyId())).orElse(null);
		if (company == null) {
			return Outcome.rejected(new Rejection(UserErrorCode.INVALID_TOKEN, List.of("token"),
					"This unsubscribe link is not valid", Map.of()));
		}
		String address = subject.get().address();
		Unsubscribed unsubscribed = new Unsubscribed(company, address);
		ChangeOrigin origin = new ChangeOrigin(CallerKind.ANONYMOUS, null, company.id(), null, null);
		return this.updates.applyByLink(subject.get().accountId(), origin, (target) -> {
			String policyVersion = target.preferences()
				.latest(company.id(), Channel.EMAIL, address)
				.map(ConsentRecord::policyVersion)
				.orElse("unsubscribe-link");
			// the signed link names the address: no check against the addresses known
			return target.preferences()
				.setChannel(target.change(company, ConsentState.WITHDRAWN, policyVersion), Channel.EMAIL, address,
						target.account().signInEmail(), true, null, target.today());
		}).map((done) -> unsubscribed);
	}

	/** What an unsubscribe withdrew. */
	public record Unsubscribed(Company company, String address) {
	}

}
