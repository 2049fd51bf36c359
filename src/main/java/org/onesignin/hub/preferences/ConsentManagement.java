package org.onesignin.hub.preferences;

import java.util.List;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.onesignin.hub.shared.SignedIn;
import org.springframework.stereotype.Service;

/**
 * The marketing choices and proof of consent: a company's channel, the group-wide news,
 * the profiling objection and a guardian's consent. Who may record which is the access
 * policy's; each use case supplies only its decision to {@link ConsentUpdates}.
 */
@Service
@SignedIn
public class ConsentManagement {

	private final ConsentUpdates updates;

	private final RegistryManagement registry;

	private final AccessPolicy policy;

	ConsentManagement(ConsentUpdates updates, RegistryManagement registry, AccessPolicy policy) {
		this.updates = updates;
		this.registry = registry;
		this.policy = policy;
	}

	public Outcome<PreferencesView> setMarketingConsent(Caller caller, String accountId, String companyId,
			Channel channel, String address, ConsentState state, String policyVersion, String ticket) {
		Company company = this.registry.registry().company(companyId).orElse(null);
		if (company == null) {
			return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "companyId", "No such company"));
		}
		AccessRequest request = AccessRequest.of(caller, Operation.SET_MARKETING_CONSENT)
			.onAccount(accountId)
			.forCompany(companyId)
			.withTicket(ticket)
			.touching(List.of(companyId + ":" + channel));
		// its input problems come together with the address's, which need the
		// addresses known
		return this.updates.apply(request, (target) -> target.preferences()
			.setChannel(target.change(company, state, policyVersion), channel, address, target.account().signInEmail(),
					target.isOwner(), target.account().details().dateOfBirth(), target.today()));
	}

	public Outcome<PreferencesView> setGroupNewsConsent(Caller caller, String accountId, ConsentState state,
			String policyVersion, String ticket) {
		AccessRequest request = AccessRequest.of(caller, Operation.SET_GROUP_NEWS_CONSENT)
			.onAccount(accountId)
			.withTicket(ticket)
			.touching(List.of("GROUP_NEWS"));
		return this.updates.apply(request, ConsentChange.problems(state, policyVersion), (target) -> {
			// a child restricted by any company of the group cannot opt in group-wide
			boolean restricted = this.registry.registry()
				.companies()
				.stream()
				.anyMatch((company) -> target.preferences()
					.isRestrictedFor(company, target.account().details().dateOfBirth(), target.today()));
			return target.preferences().setGroupNews(target.change(null, state, policyVersion), restricted);
		});
	}

	public Outcome<PreferencesView> objectToProfiling(Caller caller, String accountId, boolean objection,
			String policyVersion, String ticket) {
		AccessRequest request = AccessRequest.of(caller, Operation.OBJECT_TO_PROFILING)
			.onAccount(accountId)
			.withTicket(ticket)
			.touching(List.of("PROFILING_OBJECTION"));
		ConsentState state = objection ? ConsentState.GRANTED : ConsentState.WITHDRAWN;
		return this.updates.apply(request, ConsentChange.problems(state, policyVersion),
				(target) -> target.preferences().objectToProfiling(target.change(null, state, policyVersion)));
	}

	/** A support agent of the company records that a guardian consented for a child. */
	public Outcome<PreferencesView> recordGuardianConsent(Caller caller, String accountId, String companyId,
			String guardianName, String method, String ticket) {
		Company company = this.registry.registry().company(companyId).orElse(null);
		AccessRequest request = AccessRequest.of(caller, Operation.RECORD_GUARDIAN_CONSENT)
			.onAccount(accountId)
			.forCompany(companyId)
			.withTicket(ticket)
			.touching(List.of("GUARDIAN_CONSENT:" + companyId));
		if (company == null) {
			// only a support agent learns that the company does not exist
			this.policy.authorizeRole(request);
			return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "companyId", "No such company"));
		}
		return this.updates.apply(request,
				(target) -> target.preferences()
					.recordGuardianConsent(target.change(company, ConsentState.GRANTED, "guardian-consent"),
							new ConsentRecord.Guardian(guardianName, method)));
	}

}
