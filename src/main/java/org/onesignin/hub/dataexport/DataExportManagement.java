package org.onesignin.hub.dataexport;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.access.AccessPolicy;
import org.onesignin.hub.access.AccessRequest;
import org.onesignin.hub.access.Operation;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.ChangeHistory;
import org.onesignin.hub.account.ServiceAccountClaims;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.partnersync.ServiceChangeFeeds;
import org.onesignin.hub.preferences.ConsentLedgers;
import org.onesignin.hub.preferences.MarketingPreferences;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Rule 9, the right of access: one machine-readable document with everything the hub
 * holds about the person, from every store that keeps account data, plus who controls it
 * and how to reach them. Field names are stable (documented in the README).
 */
@Service
public class DataExportManagement {

	/** Version of the export's shape. */
	static final String FORMAT = "one-sign-in-hub/export/v1";

	private final Accounts accounts;

	private final ChangeHistory history;

	private final ServiceAccountClaims claims;

	private final ConsentLedgers consents;

	private final AccessLog accessLog;

	private final ServiceChangeFeeds feeds;

	private final RegistryManagement registry;

	private final Clock clock;

	private final AccessPolicy policy;

	DataExportManagement(Accounts accounts, ChangeHistory history, ServiceAccountClaims claims, ConsentLedgers consents,
			AccessLog accessLog, ServiceChangeFeeds feeds, RegistryManagement registry, Clock clock,
			AccessPolicy policy) {
		this.policy = policy;
		this.accounts = accounts;
		this.history = history;
		this.claims = claims;
		this.consents = consents;
		this.accessLog = accessLog;
		this.feeds = feeds;
		this.registry = registry;
		this.clock = clock;
	}

	/** The signed-in person's export; nobody else's. */
	@PreAuthorize("isAuthenticated()")
	public Map<String, Object> export(Caller caller) {
		this.policy.authorize(AccessRequest.of(caller, Operation.EXPORT_DATA));
		AccountId id = new AccountId(caller.subject());
		Account account = this.accounts.findById(id)
			.orElseThrow(org.onesignin.hub.shared.AccountNotFoundException::new);
		Registry registry = this.registry.registry();
		List<org.onesignin.hub.preferences.ConsentRecord> records = this.consents.load(id.value()).records();
		MarketingPreferences preferences = new MarketingPreferences(id.value(), records);

		Map<String, Object> export = new LinkedHashMap<>();
		export.put("format", FORMAT);
		export.put("exportedAt", this.clock.instant());
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("id", id.value());
		identity.put("signInEmail", account.signInEmail());
		identity.put("status", account.status());
		identity.put("revision", account.revision());
		identity.put("createdAt", account.createdAt());
		identity.put("updatedAt", account.updatedAt());
		identity.put("closedAt", account.closedAt());
		export.put("account", identity);
		export.put("basicDetails", account.details());
		export.put("linkedAccounts", account.links()
			.stream()
			.map((link) -> Map.of("link", link, "syncState", account.syncState(link.serviceId()), "controller",
					registry.service(link.serviceId()).map(registry::controllerOf).map(Company::id).orElse("unknown")))
			.toList());
		export.put("serviceAccountClaims", this.claims.heldBy(id));
		export.put("changeHistory", this.history.all(id));
		Map<String, Object> marketing = new LinkedHashMap<>();
		marketing.put("groupNews", preferences.groupNews());
		marketing.put("profilingObjection", preferences.profilingObjection());
		marketing.put("emailAddresses", preferences.emailAddresses(account.signInEmail()));
		export.put("marketingPreferences", marketing);
		export.put("consentRecords", records);
		export.put("accessLog", this.accessLog.forAccount(id.value()));
		export.put("serviceChanges", this.feeds.forAccount(id.value()));
		export.put("controllers",
				account.links()
					.stream()
					.map((link) -> registry.service(link.serviceId()).map(registry::controllerOf).orElse(null))
					.filter(java.util.Objects::nonNull)
					.distinct()
					.toList());
		return export;
	}

}
