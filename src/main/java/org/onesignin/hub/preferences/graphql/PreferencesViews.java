package org.onesignin.hub.preferences.graphql;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.preferences.Channel;
import org.onesignin.hub.preferences.ConsentPurpose;
import org.onesignin.hub.preferences.ConsentSource;
import org.onesignin.hub.preferences.ConsentState;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.graphql.UserError;

/**
 * The preferences module's GraphQL view and input records, named like their schema types.
 */
final class PreferencesViews {

	private PreferencesViews() {
	}

	record MarketingPreferences(ConsentState groupNews, boolean profilingObjection, boolean restricted,
			List<CompanyMarketingPreferences> companies) {
	}

	record CompanyMarketingPreferences(Company company, boolean restrictedForMarketing, boolean guardianConsent,
			List<ChannelConsent> channels) {
	}

	record ChannelConsent(Channel channel, String address, ConsentState state, Instant updatedAt, ConsentSource source,
			String policyVersion) {
	}

	record ConsentRecord(String id, ConsentPurpose purpose, String companyId, Channel channel, String address,
			ConsentState previousState, ConsentState newState, String policyVersion, CallerKind actorKind,
			String actorId, String actingCompanyId, String serviceId, ConsentSource source, String ticket,
			String guardianName, String guardianMethod, Instant time) {
	}

	record SetMarketingConsentInput(String accountId, String companyId, Channel channel, String address,
			ConsentState state, String policyVersion, String ticket) {
	}

	record SetGroupNewsConsentInput(String accountId, ConsentState state, String policyVersion, String ticket) {
	}

	record ObjectToProfilingInput(String accountId, boolean objection, String policyVersion, String ticket) {
	}

	record RecordGuardianConsentInput(String accountId, String companyId, String guardianName, String method,
			String ticket) {
	}

	record SetMarketingConsentPayload(MarketingPreferences marketingPreferences, List<UserError> errors) {
	}

	record SetGroupNewsConsentPayload(MarketingPreferences marketingPreferences, List<UserError> errors) {
	}

	record ObjectToProfilingPayload(MarketingPreferences marketingPreferences, List<UserError> errors) {
	}

	record RecordGuardianConsentPayload(MarketingPreferences marketingPreferences, List<UserError> errors) {
	}

	record UnsubscribePayload(Company company, String address, List<UserError> errors) {
	}

}
