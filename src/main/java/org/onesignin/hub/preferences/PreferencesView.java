package org.onesignin.hub.preferences;

import java.time.LocalDate;
import java.util.List;

import org.onesignin.hub.access.Visibility;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;

/**
 * Marketing preferences as one caller may see them: everything for the person on the
 * account pages; for anyone else only the company the request acts for (its channels, the
 * addresses it may know, its restriction).
 */
public record PreferencesView(ConsentState groupNews, boolean profilingObjection, boolean restricted,
		List<MarketingPreferences.CompanyPreferences> companies) {

	public PreferencesView {
		companies = List.copyOf(companies);
	}

	static PreferencesView of(Account account, Visibility visibility, String actingCompanyId,
			List<ConsentRecord> records, Registry registry, LocalDate today) {
		MarketingPreferences preferences = new MarketingPreferences(account.id().value(), records);
		boolean everything = visibility.isOwner();
		List<Company> companies = everything ? registry.companies()
				: registry.company(actingCompanyId).map(List::of).orElse(List.of());
		List<MarketingPreferences.CompanyPreferences> shown = companies.stream()
			.map((company) -> preferences.forCompany(company, account.signInEmail(), everything,
					account.details().dateOfBirth(), today))
			.toList();
		return new PreferencesView(preferences.groupNews(), preferences.profilingObjection(),
				shown.stream().anyMatch(MarketingPreferences.CompanyPreferences::restrictedForMarketing), shown);
	}

}
