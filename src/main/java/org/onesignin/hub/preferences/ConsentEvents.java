package org.onesignin.hub.preferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.LinkedAccount;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.shared.ChangeOrigin;

/**
 * The events a consent change sends: one per active link to a service of the company
 * whose consent changed, carrying only that company's consent.
 */
final class ConsentEvents {

	/**
	 * Event type sent to a company's linked services when that company's consent changes.
	 */
	static final String MARKETING_PREFERENCES_CHANGED = "marketing-preferences.changed";

	private ConsentEvents() {
	}

	static List<ServiceChange> of(Account account, List<ConsentRecord> before, ConsentRecord cause, Registry registry) {
		if (cause.purpose() != ConsentPurpose.CHANNEL_MARKETING || cause.companyId() == null) {
			return List.of();
		}
		Company company = registry.company(cause.companyId()).orElse(null);
		if (company == null) {
			return List.of();
		}
		List<ConsentRecord> records = new ArrayList<>(before);
		records.add(cause);
		MarketingPreferences after = new MarketingPreferences(account.id().value(), records);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("companyId", company.id());
		data.put("channels", channels(account, after, company));
		ChangeOrigin origin = new ChangeOrigin(cause.actorKind(), cause.actorId(), cause.actingCompanyId(),
				cause.serviceId(), cause.ticket());
		List<ServiceChange> events = new ArrayList<>();
		for (LinkedAccount link : account.activeLinks()) {
			if (registry.service(link.serviceId()).map((s) -> s.isControlledBy(company.id())).orElse(false)) {
				events.add(new ServiceChange(UUID.randomUUID().toString(), MARKETING_PREFERENCES_CHANGED,
						account.id().value(), link.serviceId(), link.serviceAccountId(), account.revision(),
						cause.time(), List.of(), data, origin));
			}
		}
		return events;
	}

	private static List<Map<String, Object>> channels(Account account, MarketingPreferences after, Company company) {
		List<Map<String, Object>> channels = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			if (channel == Channel.EMAIL) {
				for (String address : after.emailAddressesFor(company.id(), account.signInEmail())) {
					channels.add(channel(channel, address, after.state(company.id(), channel, address)));
				}
			}
			else {
				channels.add(channel(channel, null, after.state(company.id(), channel, null)));
			}
		}
		return channels;
	}

	private static Map<String, Object> channel(Channel channel, String address, ConsentState state) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("channel", channel.name());
		data.put("address", address);
		data.put("state", state.name());
		return data;
	}

}
