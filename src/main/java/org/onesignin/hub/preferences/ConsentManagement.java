package org.onesignin.hub.preferences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountAccess;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.LinkedAccount;
import org.onesignin.hub.account.OutboxRelay;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.AccountNotFoundException;
import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Application service for marketing preferences and proof of consent: who may record
 * which choice (the owner; a support agent of that company with a ticket; a partner
 * service for its own controller), the unsubscribe links, and the contact gate.
 */
@Service
public class ConsentManagement {

	/**
	 * Event type sent to a company's linked services when that company's consent changes.
	 */
	public static final String MARKETING_PREFERENCES_CHANGED = "marketing-preferences.changed";

	private static final int MAX_ATTEMPTS = 5;

	private final ConsentLedgers ledgers;

	private final Accounts accounts;

	private final RegistryManagement registry;

	private final UnsubscribeTokens tokens;

	private final AccessLog accessLog;

	private final OutboxRelay relay;

	private final Clock clock;

	ConsentManagement(ConsentLedgers ledgers, Accounts accounts, RegistryManagement registry, UnsubscribeTokens tokens,
			AccessLog accessLog, OutboxRelay relay, Clock clock) {
		this.ledgers = ledgers;
		this.accounts = accounts;
		this.registry = registry;
		this.tokens = tokens;
		this.accessLog = accessLog;
		this.relay = relay;
		this.clock = clock;
	}

	/**
	 * The preferences the caller may see: all of them for the owner; for a support agent
	 * or a partner service only the consent of its own company.
	 */
	@PreAuthorize("isAuthenticated()")
	public PreferencesView preferences(Caller caller, String accountId) {
		Account account = this.accounts.findById(new AccountId(accountId)).orElseThrow(AccountNotFoundException::new);
		AccountAccess access = AccountAccess.of(caller, account, registry()).orElseThrow(AccountNotFoundException::new);
		if (access.isLogged()) {
			log(caller, accountId, "READ_PREFERENCES", List.of(String.valueOf(caller.actingCompanyId())), null);
		}
		return view(caller, account, ledger(accountId).records());
	}

	/**
	 * What the caller may see: everything for the owner on the account pages; for anyone
	 * else only their own company (its channels, the addresses it may know, its
	 * restriction).
	 */
	private PreferencesView view(Caller caller, Account account, List<ConsentRecord> records) {
		MarketingPreferences preferences = new MarketingPreferences(account.id().value(), records);
		boolean everything = caller.isSelfService(account.id().value());
		List<Company> companies = everything ? registry().companies()
				: registry().company(caller.actingCompanyId()).map(List::of).orElse(List.of());
		List<MarketingPreferences.CompanyPreferences> shown = companies.stream()
			.map((company) -> preferences.forCompany(company, account.signInEmail(), everything,
					account.details().dateOfBirth(), today()))
			.toList();
		return new PreferencesView(preferences.groupNews(), preferences.profilingObjection(),
				shown.stream().anyMatch(MarketingPreferences.CompanyPreferences::restrictedForMarketing), shown);
	}

	/** The owner's consent records, oldest first. */
	@PreAuthorize("isAuthenticated()")
	public List<ConsentRecord> consentHistory(Caller caller, String accountId) {
		if (!caller.isSelfService(accountId)) {
			throw new AccessDeniedException("Only the owner reads the consent history");
		}
		return ledger(accountId).records();
	}

	@PreAuthorize("isAuthenticated()")
	public Outcome<PreferencesView> setMarketingConsent(Caller caller, String accountId, String companyId,
			Channel channel, String address, ConsentState state, String policyVersion, String ticket) {
		Company company = registry().company(companyId).orElse(null);
		if (company == null) {
			return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "companyId", "No such company"));
		}
		requireActingFor(caller, companyId, true);
		return change(caller, accountId, ticket,
				(target) -> target.preferences()
					.setChannel(consentChange(caller, target, company, state, policyVersion, ticket), channel, address,
							target.account().signInEmail(), caller.isSelfService(target.account().id().value()),
							target.account().details().dateOfBirth(), today()),
				company, List.of(companyId + ":" + channel));
	}

	@PreAuthorize("isAuthenticated()")
	public Outcome<PreferencesView> setGroupNewsConsent(Caller caller, String accountId, ConsentState state,
			String policyVersion, String ticket) {
		requireOwnerOrSupport(caller);
		return change(caller, accountId, ticket, (target) -> {
			boolean restricted = registry().companies()
				.stream()
				.anyMatch((c) -> target.preferences()
					.isRestrictedFor(c, target.account().details().dateOfBirth(), today()));
			return target.preferences()
				.setGroupNews(consentChange(caller, target, null, state, policyVersion, ticket), restricted);
		}, null, List.of("GROUP_NEWS"));
	}

	@PreAuthorize("isAuthenticated()")
	public Outcome<PreferencesView> objectToProfiling(Caller caller, String accountId, boolean objection,
			String policyVersion, String ticket) {
		requireOwnerOrSupport(caller);
		ConsentState state = objection ? ConsentState.GRANTED : ConsentState.WITHDRAWN;
		return change(caller, accountId, ticket,
				(target) -> target.preferences()
					.objectToProfiling(consentChange(caller, target, null, state, policyVersion, ticket)),
				null, List.of("PROFILING_OBJECTION"));
	}

	/** A support agent of the company records that a guardian consented for a child. */
	@PreAuthorize("isAuthenticated()")
	public Outcome<PreferencesView> recordGuardianConsent(Caller caller, String accountId, String companyId,
			String guardianName, String method, String ticket) {
		if (!caller.is(CallerKind.SUPPORT_AGENT)) {
			throw new AccessDeniedException("Guardian consent is recorded by the company's support");
		}
		Company company = registry().company(companyId).orElse(null);
		if (company == null) {
			return Outcome.rejected(Rejection.onField(UserErrorCode.NOT_FOUND, "companyId", "No such company"));
		}
		requireActingFor(caller, companyId, false);
		return change(caller, accountId, ticket,
				(target) -> target.preferences()
					.recordGuardianConsent(
							consentChange(caller, target, company, ConsentState.GRANTED, "guardian-consent", ticket),
							new ConsentRecord.Guardian(guardianName, method)),
				company, List.of("GUARDIAN_CONSENT:" + companyId));
	}

	/** Rule 7, for a partner service or support agent of the company. */
	@PreAuthorize("isAuthenticated()")
	public ContactPermission contactPermission(Caller caller, String accountId, String companyId, Channel channel,
			String address, ContactPurpose purpose) {
		requireActingFor(caller, companyId, false);
		Company company = registry().company(companyId).orElseThrow(AccountNotFoundException::new);
		Account account = this.accounts.findById(new AccountId(accountId)).orElseThrow(AccountNotFoundException::new);
		// the gate also answers for people who were linked to the company (closed,
		// cancelled):
		// they get ACCOUNT_NOT_ACTIVE; people never linked to it are not found
		List<LinkedAccount> companyLinks = account.links()
			.stream()
			.filter((l) -> caller.is(CallerKind.PARTNER_SERVICE) ? l.serviceId().equals(caller.serviceId())
					: registry().service(l.serviceId()).map((s) -> s.isControlledBy(companyId)).orElse(false))
			.toList();
		if (companyLinks.isEmpty() || account.status() == org.onesignin.hub.account.AccountStatus.ERASED) {
			throw new AccountNotFoundException();
		}
		boolean active = account.isActive() && companyLinks.stream().anyMatch(LinkedAccount::isActive);
		log(caller, accountId, "CONTACT_PERMISSION", List.of(companyId + ":" + channel + ":" + purpose), null);
		return new MarketingPreferences(accountId, ledger(accountId).records()).contactPermission(company, channel,
				address, purpose, active, account.signInEmail(), account.details().dateOfBirth(), today());
	}

	/**
	 * A token for an unsubscribe link, for a partner service of the company about to
	 * send.
	 */
	@PreAuthorize("isAuthenticated()")
	public String unsubscribeToken(Caller caller, String accountId, String companyId, String address) {
		if (!caller.is(CallerKind.PARTNER_SERVICE)) {
			throw new AccessDeniedException("Unsubscribe tokens are issued to partner services");
		}
		requireActingFor(caller, companyId, false);
		Account account = visibleAccount(caller, accountId);
		String key = MarketingPreferences.normalise(address);
		if (!new MarketingPreferences(accountId, ledger(accountId).records())
			.emailAddressesFor(companyId, account.signInEmail())
			.contains(key)) {
			throw new BadRequestException("Not one of this person's email addresses");
		}
		return this.tokens.issue(accountId, companyId, key);
	}

	/**
	 * One-click unsubscribe: needs no sign-in, withdraws only the token's company and
	 * address, and is idempotent. A tampered or foreign token changes nothing.
	 */
	public Outcome<Unsubscribed> unsubscribe(String token) {
		Optional<UnsubscribeTokens.Subject> subject = (token != null) ? this.tokens.verify(token) : Optional.empty();
		Company company = subject.flatMap((s) -> registry().company(s.companyId())).orElse(null);
		if (company == null) {
			return Outcome.rejected(new Rejection(UserErrorCode.INVALID_TOKEN, List.of("token"),
					"This unsubscribe link is not valid", Map.of()));
		}
		String accountId = subject.get().accountId();
		String address = subject.get().address();
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Account account = this.accounts.findById(new AccountId(accountId)).orElse(null);
			if (account == null || account.status() == org.onesignin.hub.account.AccountStatus.ERASED) {
				// nothing left to withdraw, and nothing to say about it
				return Outcome.done(new Unsubscribed(company, address));
			}
			ConsentLedgers.Ledger ledger = ledger(accountId);
			MarketingPreferences preferences = new MarketingPreferences(accountId, ledger.records());
			String policyVersion = preferences.latest(company.id(), Channel.EMAIL, address)
				.map(ConsentRecord::policyVersion)
				.orElse("unsubscribe-link");
			ChangeOrigin origin = new ChangeOrigin(CallerKind.ANONYMOUS, null, company.id(), null, null);
			MarketingPreferences.ConsentChange change = new MarketingPreferences.ConsentChange(company,
					ConsentState.WITHDRAWN, policyVersion, origin, ConsentSource.UNSUBSCRIBE_LINK, now());
			Outcome<Optional<ConsentRecord>> decided = preferences.setChannel(change, Channel.EMAIL, address,
					account.signInEmail(), true, null, today());
			if (decided instanceof Outcome.Rejected<Optional<ConsentRecord>> rejected) {
				return Outcome.rejected(rejected.rejections());
			}
			if (write(account, ledger, decided.valueOrNull(), company)) {
				return Outcome.done(new Unsubscribed(company, address));
			}
		}
		throw new IllegalStateException("Too much contention unsubscribing");
	}

	private Outcome<PreferencesView> change(Caller caller, String accountIdArgument, String ticket,
			Function<Target, Outcome<Optional<ConsentRecord>>> decide, Company company, List<String> what) {
		if (caller.is(CallerKind.SUPPORT_AGENT) && (ticket == null || ticket.isBlank())) {
			return Outcome.rejected(Rejection.invalid("ticket", "Support changes need a ticket reference"));
		}
		String accountId = caller.is(CallerKind.USER) ? caller.subject() : accountIdArgument;
		if (accountId == null || (caller.is(CallerKind.USER) && accountIdArgument != null
				&& !accountIdArgument.equals(caller.subject()))) {
			return Outcome.rejected(notFound());
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Account account = this.accounts.findById(new AccountId(accountId)).orElse(null);
			Optional<AccountAccess> access = (account != null) ? AccountAccess.of(caller, account, registry())
					: Optional.empty();
			if (access.isEmpty() || !account.isActive()) {
				return Outcome.rejected(notFound());
			}
			ConsentLedgers.Ledger ledger = ledger(accountId);
			Target target = new Target(account, new MarketingPreferences(accountId, ledger.records()),
					access.get().isLogged());
			Outcome<Optional<ConsentRecord>> decided = decide.apply(target);
			if (decided instanceof Outcome.Rejected<Optional<ConsentRecord>> rejected) {
				return Outcome.rejected(rejected.rejections());
			}
			if (write(account, ledger, decided.valueOrNull(), company)) {
				if (target.isLogged()) {
					log(caller, accountId, "CONSENT_CHANGE", what, ticket);
				}
				// the answer to a change is not a second, separately logged read
				return Outcome.done(view(caller, account, ledger(accountId).records()));
			}
		}
		throw new IllegalStateException("Too much contention changing consent of " + accountId);
	}

	/** Appends the record and its events; false when the ledger moved on meanwhile. */
	private boolean write(Account account, ConsentLedgers.Ledger ledger, Optional<ConsentRecord> record,
			Company company) {
		if (record.isEmpty()) {
			return true;
		}
		List<ServiceChange> events = new ArrayList<>();
		if (record.get().purpose() == ConsentPurpose.CHANNEL_MARKETING && company != null) {
			List<ConsentRecord> after = new ArrayList<>(ledger.records());
			after.add(record.get());
			events.addAll(companyEvents(account, new MarketingPreferences(account.id().value(), after), company,
					record.get()));
		}
		if (!this.ledgers.append(account.id().value(), ledger.version(), List.of(record.get()), events)) {
			return false;
		}
		this.relay.relay(this.ledgers, account.id().value());
		return true;
	}

	/**
	 * One event per active link to a service of the company, with only that company's
	 * consent.
	 */
	private List<ServiceChange> companyEvents(Account account, MarketingPreferences after, Company company,
			ConsentRecord cause) {
		List<Map<String, Object>> channels = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			if (channel == Channel.EMAIL) {
				for (String address : after.emailAddressesFor(company.id(), account.signInEmail())) {
					channels.add(channelData(channel, address, after.state(company.id(), channel, address)));
				}
			}
			else {
				channels.add(channelData(channel, null, after.state(company.id(), channel, null)));
			}
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("companyId", company.id());
		data.put("channels", channels);
		List<ServiceChange> events = new ArrayList<>();
		for (LinkedAccount link : account.activeLinks()) {
			if (registry().service(link.serviceId()).map((s) -> s.isControlledBy(company.id())).orElse(false)) {
				events.add(new ServiceChange(UUID.randomUUID().toString(), MARKETING_PREFERENCES_CHANGED,
						account.id().value(), link.serviceId(), link.serviceAccountId(), account.revision(),
						cause.time(), List.of(), data, new ChangeOrigin(cause.actorKind(), cause.actorId(),
								cause.actingCompanyId(), cause.serviceId(), cause.ticket())));
			}
		}
		return events;
	}

	private static Map<String, Object> channelData(Channel channel, String address, ConsentState state) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("channel", channel.name());
		data.put("address", address);
		data.put("state", state.name());
		return data;
	}

	private MarketingPreferences.ConsentChange consentChange(Caller caller, Target target, Company company,
			ConsentState state, String policyVersion, String ticket) {
		ConsentSource source = switch (caller.kind()) {
			case SUPPORT_AGENT -> ConsentSource.SUPPORT;
			case PARTNER_SERVICE -> ConsentSource.PARTNER;
			default -> caller.accountPages() ? ConsentSource.ACCOUNT_PAGES : ConsentSource.SERVICE;
		};
		return new MarketingPreferences.ConsentChange(company, state, policyVersion, ChangeOrigin.of(caller, ticket),
				source, now());
	}

	/** Support agents and partner services act only for their own company. */
	/**
	 * Support agents, partner services and a person signed in through a partner's own
	 * client act only for their own company; when {@code personAllowed}, the person on
	 * the account pages acts for any company and the person on a service's own pages for
	 * that company.
	 */
	private static void requireActingFor(Caller caller, String companyId, boolean personAllowed) {
		if (personAllowed && caller.is(CallerKind.USER) && caller.accountPages()) {
			return;
		}
		boolean sameCompany = companyId != null && companyId.equals(caller.actingCompanyId());
		boolean mayAct = caller.is(CallerKind.SUPPORT_AGENT) || caller.is(CallerKind.PARTNER_SERVICE)
				|| (personAllowed && caller.is(CallerKind.USER));
		if (!mayAct || !sameCompany) {
			throw new AccessDeniedException("Acts only for its own company");
		}
	}

	private static void requireOwnerOrSupport(Caller caller) {
		if (!(caller.is(CallerKind.USER) && caller.accountPages()) && !caller.is(CallerKind.SUPPORT_AGENT)) {
			throw new AccessDeniedException("Only the person or support records this choice");
		}
	}

	private Account visibleAccount(Caller caller, String accountId) {
		Account account = this.accounts.findById(new AccountId(accountId)).orElseThrow(AccountNotFoundException::new);
		AccountAccess.of(caller, account, registry()).orElseThrow(AccountNotFoundException::new);
		return account;
	}

	private void log(Caller caller, String accountId, String action, List<String> fields, String ticket) {
		if (caller.isAccountOwner(accountId)) {
			return;
		}
		this.accessLog.append(new AccessLogEntry(UUID.randomUUID().toString(), accountId, caller.kind(),
				caller.subject(), caller.actingCompanyId(), caller.serviceId(), action, fields, ticket, now()));
	}

	private ConsentLedgers.Ledger ledger(String accountId) {
		return this.ledgers.load(accountId);
	}

	private Registry registry() {
		return this.registry.registry();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(now(), java.time.ZoneOffset.UTC);
	}

	private static Rejection notFound() {
		return Rejection.onField(UserErrorCode.NOT_FOUND, "accountId", "No account with that id");
	}

	private record Target(Account account, MarketingPreferences preferences, boolean isLogged) {
	}

	/** What an unsubscribe withdrew. */
	public record Unsubscribed(Company company, String address) {
	}

	/**
	 * Preferences as one caller may see them: only the companies, addresses and
	 * restrictions it may see.
	 */
	public record PreferencesView(ConsentState groupNews, boolean profilingObjection, boolean restricted,
			List<MarketingPreferences.CompanyPreferences> companies) {
	}

}
