package org.onesignin.hub.preferences;

import java.time.Instant;

import org.onesignin.hub.shared.CallerKind;

/**
 * An immutable proof of consent, shaped after ISO/IEC TS 27560 consent records: about
 * what (purpose, company, channel, address), the change (previous and new state, policy
 * version), who and through what (actor, acting company, service, source, ticket) and
 * when. Records are only ever appended; the current preferences are derived from them.
 *
 * @param guardian for {@link ConsentPurpose#GUARDIAN_CONSENT}: who consented and how
 */
public record ConsentRecord(String id, String accountId, ConsentPurpose purpose, String companyId, Channel channel,
		String address, ConsentState previousState, ConsentState newState, String policyVersion, CallerKind actorKind,
		String actorId, String actingCompanyId, String serviceId, ConsentSource source, String ticket,
		Guardian guardian, Instant time) {

	/** Who gave a guardian consent and how it was verified. */
	public record Guardian(String name, String method) {
	}

}
