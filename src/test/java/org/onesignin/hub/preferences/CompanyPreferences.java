package org.onesignin.hub.preferences;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.onesignin.hub.support.Ref;

/**
 * One company of {@code marketingPreferences.companies}, as the GraphQL API shows it,
 * with its channels; the fields the document did not ask for are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CompanyPreferences(Ref company, Boolean restrictedForMarketing, List<ChannelPreference> channels) {

	/** The one company {@code companyId} among {@code companies}. */
	static CompanyPreferences of(String companyId, List<CompanyPreferences> companies) {
		return single(companies, (preferences) -> preferences.company().id().equals(companyId), "company " + companyId);
	}

	/** The one row of {@code channel} (for email: the only address there is). */
	ChannelPreference channel(String channel) {
		return single(this.channels, (row) -> row.channel().equals(channel), channel + " in " + this);
	}

	/** The email row of {@code address}. */
	ChannelPreference email(String address) {
		return single(this.channels, (row) -> row.channel().equals("EMAIL") && address.equals(row.address()),
				"EMAIL " + address + " in " + this);
	}

	private static <T> T single(List<T> items, Predicate<T> matching, String what) {
		List<T> found = items.stream().filter(matching).toList();
		if (found.size() != 1) {
			throw new AssertionError("Expected exactly one " + what + ", found " + found.size());
		}
		return found.get(0);
	}

	/** A channel's state for the company (one row per address for email). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ChannelPreference(String channel, String address, String state, String source) {

	}

}
