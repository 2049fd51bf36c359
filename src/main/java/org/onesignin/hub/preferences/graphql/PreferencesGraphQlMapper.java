package org.onesignin.hub.preferences.graphql;

import java.util.ArrayList;
import java.util.List;

import org.onesignin.hub.preferences.Channel;
import org.onesignin.hub.preferences.ConsentManagement;
import org.onesignin.hub.preferences.ConsentRecord;
import org.onesignin.hub.preferences.MarketingPreferences;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.springframework.stereotype.Component;

/**
 * Maps preferences to their GraphQL view: one entry per company the caller may see and
 * channel (per address for email), NOT_ASKED where no record exists.
 */
@Component
class PreferencesGraphQlMapper {

	private final RegistryManagement registry;

	PreferencesGraphQlMapper(RegistryManagement registry) {
		this.registry = registry;
	}

	PreferencesViews.MarketingPreferences toView(ConsentManagement.PreferencesView view) {
		MarketingPreferences preferences = view.preferences();
		String signInEmail = view.account().signInEmail();
		java.time.LocalDate dateOfBirth = view.account().details().dateOfBirth();
		List<PreferencesViews.CompanyMarketingPreferences> companies = new ArrayList<>();
		for (Company company : view.companies()) {
			List<PreferencesViews.ChannelConsent> channels = new ArrayList<>();
			for (Channel channel : Channel.values()) {
				List<String> addresses = (channel == Channel.EMAIL)
						? List.copyOf(preferences.emailAddresses(signInEmail)) : java.util.Collections.singletonList(null);
				for (String address : addresses) {
					ConsentRecord latest = preferences.latest(company.id(), channel, address).orElse(null);
					channels.add(new PreferencesViews.ChannelConsent(channel, address,
							preferences.state(company.id(), channel, address),
							(latest != null) ? latest.time() : null, (latest != null) ? latest.source() : null,
							(latest != null) ? latest.policyVersion() : null));
				}
			}
			companies.add(new PreferencesViews.CompanyMarketingPreferences(company,
					preferences.isRestrictedFor(company, dateOfBirth, view.today()),
					preferences.hasGuardianConsent(company.id()), channels));
		}
		boolean restricted = this.registry.registry()
			.companies()
			.stream()
			.anyMatch((c) -> preferences.isRestrictedFor(c, dateOfBirth, view.today()));
		return new PreferencesViews.MarketingPreferences(preferences.groupNews(), preferences.profilingObjection(),
				restricted, companies);
	}

	PreferencesViews.ConsentRecord toView(ConsentRecord record) {
		Company company = (record.companyId() != null)
				? this.registry.registry().company(record.companyId()).orElse(null) : null;
		return new PreferencesViews.ConsentRecord(record.id(), record.purpose(), company, record.channel(),
				record.address(), record.previousState(), record.newState(), record.policyVersion(),
				record.actorKind(), record.actorId(), record.actingCompanyId(), record.serviceId(), record.source(),
				record.ticket(), (record.guardian() != null) ? record.guardian().name() : null,
				(record.guardian() != null) ? record.guardian().method() : null, record.time());
	}

}
