package org.onesignin.hub.dataexport;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
import org.onesignin.hub.preferences.ConsentRecord;
import org.onesignin.hub.preferences.MarketingPreferences;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.AccountNotFoundException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.SignedIn;
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

	/** How many entries of a growing section are read at a time. */
	static final int PAGE_SIZE = 100;

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

	/**
	 * The signed-in person's export, nobody else's, ready to be written: refused (or
	 * NOT_FOUND) here, before any of it is read or written.
	 */
	@SignedIn
	public DataExport open(Caller caller) {
		this.policy.authorize(AccessRequest.of(caller, Operation.EXPORT_DATA));
		Account account = this.accounts.findById(new AccountId(caller.subject()))
			.orElseThrow(AccountNotFoundException::new);
		Registry registry = this.registry.registry();
		Instant exportedAt = this.clock.instant();
		return (sections) -> write(account, registry, exportedAt, sections);
	}

	/** The signed-in person's export as one map (see {@link DataExport#toMap()}). */
	@SignedIn
	public Map<String, Object> export(Caller caller) {
		return open(caller).toMap();
	}

	private void write(Account account, Registry registry, Instant exportedAt, DataExport.Sections sections) {
		AccountId id = account.id();
		List<ConsentRecord> records = consentRecords(id);
		sections.value("format", FORMAT);
		sections.value("exportedAt", exportedAt);
		sections.value("account", identity(account));
		sections.value("basicDetails", account.details());
		sections.value("linkedAccounts", linkedAccounts(account, registry));
		sections.value("serviceAccountClaims", this.claims.heldBy(id));
		sections.list("changeHistory", Page.eachItem(PAGE_SIZE, (page) -> this.history.page(id, page)));
		sections.value("marketingPreferences", marketingPreferences(account, records));
		sections.list("consentRecords", records);
		sections.list("accessLog", Page.eachItem(PAGE_SIZE, (page) -> this.accessLog.page(id.value(), page)));
		sections.list("serviceChanges",
				Page.eachItem(PAGE_SIZE, (page) -> this.feeds.pageForAccount(id.value(), page)));
		sections.value("controllers", controllers(account, registry));
	}

	/**
	 * The one place the export reads the person's consent records: whole, since the
	 * preferences are derived from all of them (as every consent decision derives them).
	 * The ledger pages ({@code ConsentLedgers.history}); folding the preferences from
	 * pages is what would let this section stream too.
	 */
	private List<ConsentRecord> consentRecords(AccountId id) {
		return this.consents.load(id.value()).records();
	}

	private static Map<String, Object> identity(Account account) {
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("id", account.id().value());
		identity.put("signInEmail", account.signInEmail());
		identity.put("emailVerified", account.credentials().emailVerified());
		if (account.pendingSignInEmail() != null) {
			identity.put("pendingSignInEmail", account.pendingSignInEmail());
		}
		identity.put("status", account.status());
		identity.put("revision", account.revision());
		identity.put("createdAt", account.createdAt());
		identity.put("updatedAt", account.updatedAt());
		identity.put("closedAt", account.closedAt());
		return identity;
	}

	private static List<Map<String, Object>> linkedAccounts(Account account, Registry registry) {
		return account.links().stream().map((link) -> {
			Map<String, Object> linked = new LinkedHashMap<>();
			linked.put("link", link);
			linked.put("syncState", account.syncState(link.serviceId()));
			linked.put("controller",
					registry.service(link.serviceId()).map(registry::controllerOf).map(Company::id).orElse("unknown"));
			return linked;
		}).toList();
	}

	private static Map<String, Object> marketingPreferences(Account account, List<ConsentRecord> records) {
		MarketingPreferences preferences = new MarketingPreferences(account.id().value(), records);
		Map<String, Object> marketing = new LinkedHashMap<>();
		marketing.put("groupNews", preferences.groupNews());
		marketing.put("profilingObjection", preferences.profilingObjection());
		marketing.put("emailAddresses", preferences.emailAddresses(account.signInEmail()));
		return marketing;
	}

	private static List<Company> controllers(Account account, Registry registry) {
		return account.links()
			.stream()
			.map((link) -> registry.service(link.serviceId()).map(registry::controllerOf).orElse(null))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

}
