package org.onesignin.hub.preferences;

import org.onesignin.hub.account.AccountErasureRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On erasure, keeps the consent records (the proof must outlive the account) but replaces
 * the email addresses in them by pseudonyms.
 */
@Component
class ConsentPseudonymisation {

	private final ConsentLedgers ledgers;

	private final UnsubscribeTokens secrets;

	ConsentPseudonymisation(ConsentLedgers ledgers, UnsubscribeTokens secrets) {
		this.ledgers = ledgers;
		this.secrets = secrets;
	}

	@EventListener
	void on(AccountErasureRequested event) {
		this.ledgers.pseudonymise(event.accountId().value(), this.secrets::pseudonym);
	}

}
