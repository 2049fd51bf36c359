package org.onesignin.hub.access;

import static org.onesignin.hub.access.CallerRole.ADMINISTRATOR;
import static org.onesignin.hub.access.CallerRole.OWNER;
import static org.onesignin.hub.access.CallerRole.PARTNER_SERVICE;
import static org.onesignin.hub.access.CallerRole.PERSON_THROUGH_SERVICE;
import static org.onesignin.hub.access.CallerRole.SUPPORT_AGENT;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.onesignin.hub.access.AccessRules.ActsAsARegisteredService;
import org.onesignin.hub.access.AccessRules.ActsOnlyForItsOwnService;
import org.onesignin.hub.access.AccessRules.ActsOnlyForItsOwnCompany;
import org.onesignin.hub.access.AccessRules.Allowed;
import org.onesignin.hub.access.AccessRules.OnlyTheirOwnAccount;
import org.onesignin.hub.access.AccessRules.PartnerCancelsOnlyItsOwnService;
import org.onesignin.hub.access.VisibilityRules.OwnerSeesEverythingOfTheirOwn;
import org.onesignin.hub.access.VisibilityRules.PartnerSeesOnlyItsEntitledFieldsAndLink;
import org.onesignin.hub.access.VisibilityRules.PersonThroughAServiceSeesThatServicesView;
import org.onesignin.hub.access.VisibilityRules.SeesNothing;
import org.onesignin.hub.access.VisibilityRules.SupportSeesAccountsLinkedToItsCompany;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.shared.Caller;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one place that answers "may this caller do this operation, on which account, and
 * what does it see": a table of caller role × operation, each cell a named
 * {@link AccessRule}; a role missing from an operation's row may never do it (FORBIDDEN).
 * Which accounts a caller sees is rule 6 ({@link #visibility}); an account outside the
 * visibility reads exactly like an absent one.
 */
public final class AccessPolicy {

	private static final AccessRule ALLOWED = new Allowed();

	private static final AccessRule OWN_ACCOUNT = new OnlyTheirOwnAccount();

	private static final AccessRule OWN_COMPANY = new ActsOnlyForItsOwnCompany();

	private static final AccessRule OWN_SERVICE = new ActsOnlyForItsOwnService();

	// @formatter:off (one row per operation, readable as a table)
	private static final Map<Operation, Map<CallerRole, AccessRule>> TABLE = new Table()
		.on(Operation.REGISTER_ACCOUNT).allow(PARTNER_SERVICE, new ActsAsARegisteredService())
		.on(Operation.READ_OWN_ACCOUNT).allow(OWNER, ALLOWED).allow(PERSON_THROUGH_SERVICE, ALLOWED)
		.on(Operation.READ_ACCOUNT).allowEveryoneSignedIn()
		.on(Operation.SEARCH_ACCOUNTS).allow(SUPPORT_AGENT, ALLOWED)
		.on(Operation.UPDATE_BASIC_DETAILS).allowEveryoneSignedIn()
		.on(Operation.CHANGE_SIGN_IN_EMAIL).allow(OWNER, ALLOWED).allow(SUPPORT_AGENT, ALLOWED)
		.on(Operation.CHANGE_PASSWORD).allow(OWNER, ALLOWED)
		.on(Operation.LINK_SERVICE_ACCOUNT).allow(PERSON_THROUGH_SERVICE, OWN_SERVICE)
		.on(Operation.CANCEL_SERVICE_ACCOUNT).allow(OWNER, ALLOWED).allow(PERSON_THROUGH_SERVICE, ALLOWED)
			.allow(SUPPORT_AGENT, ALLOWED).allow(PARTNER_SERVICE, new PartnerCancelsOnlyItsOwnService())
		.on(Operation.CLOSE_ACCOUNT).allow(OWNER, ALLOWED)
		.on(Operation.READ_CHANGE_HISTORY).allow(OWNER, OWN_ACCOUNT)
		.on(Operation.READ_ACCESS_LOG).allow(OWNER, OWN_ACCOUNT)
		.on(Operation.EXPORT_DATA).allow(OWNER, ALLOWED)
		.on(Operation.READ_PREFERENCES).allowEveryoneSignedIn()
		.on(Operation.READ_CONSENT_HISTORY).allow(OWNER, OWN_ACCOUNT)
		.on(Operation.SET_MARKETING_CONSENT).allow(OWNER, ALLOWED).allow(PERSON_THROUGH_SERVICE, OWN_COMPANY)
			.allow(SUPPORT_AGENT, OWN_COMPANY).allow(PARTNER_SERVICE, OWN_COMPANY)
		.on(Operation.SET_GROUP_NEWS_CONSENT).allow(OWNER, ALLOWED).allow(SUPPORT_AGENT, ALLOWED)
		.on(Operation.OBJECT_TO_PROFILING).allow(OWNER, ALLOWED).allow(SUPPORT_AGENT, ALLOWED)
		.on(Operation.RECORD_GUARDIAN_CONSENT).allow(SUPPORT_AGENT, OWN_COMPANY)
		.on(Operation.CHECK_CONTACT_PERMISSION).allow(SUPPORT_AGENT, OWN_COMPANY).allow(PARTNER_SERVICE, OWN_COMPANY)
		.on(Operation.ISSUE_UNSUBSCRIBE_TOKEN).allow(PARTNER_SERVICE, OWN_COMPANY)
		.on(Operation.READ_SERVICE_CHANGES).allow(PARTNER_SERVICE, OWN_SERVICE)
		.on(Operation.FOLLOW_SERVICE_CHANGES).allow(PARTNER_SERVICE, OWN_SERVICE)
		.on(Operation.ACKNOWLEDGE_SERVICE_CHANGES).allow(PARTNER_SERVICE, OWN_SERVICE)
		.on(Operation.READ_SERVICE_WEBHOOK).allow(PARTNER_SERVICE, OWN_SERVICE).allow(ADMINISTRATOR, ALLOWED)
		// not an administrator: a redelivery sends personal data again, to wherever the
		// registry now points; the partner whose receiver it is asks for it
		.on(Operation.REDELIVER_SERVICE_CHANGES).allow(PARTNER_SERVICE, OWN_SERVICE)
		.on(Operation.CONFIRM_SERVICE_WEBHOOK).allow(PARTNER_SERVICE, OWN_SERVICE)
		.on(Operation.ADMINISTER_REGISTRY).allow(ADMINISTRATOR, ALLOWED)
		.on(Operation.READ_REGISTRY_CHANGES).allow(ADMINISTRATOR, ALLOWED)
		.build();
	// @formatter:on

	/** Rule 6: what each role sees of an account. */
	private static final Map<CallerRole, VisibilityRule> SEES = Map.of(OWNER, new OwnerSeesEverythingOfTheirOwn(),
			PERSON_THROUGH_SERVICE, new PersonThroughAServiceSeesThatServicesView(), SUPPORT_AGENT,
			new SupportSeesAccountsLinkedToItsCompany(), PARTNER_SERVICE, new PartnerSeesOnlyItsEntitledFieldsAndLink(),
			CallerRole.ADMINISTRATOR, new SeesNothing(), CallerRole.ANONYMOUS, new SeesNothing());

	private final Supplier<Registry> registry;

	public AccessPolicy(Supplier<Registry> registry) {
		this.registry = registry;
	}

	/** Whether the request may go ahead at all (before any account is looked at). */
	public boolean allows(AccessRequest request) {
		AccessRule rule = TABLE.get(request.operation()).get(request.role());
		return rule != null && rule.allows(request, this.registry.get());
	}

	/** Refuses, as FORBIDDEN, a request the table does not allow. */
	public void authorize(AccessRequest request) {
		if (!allows(request)) {
			throw new AccessDeniedException(request.role() + " may not " + request.operation());
		}
	}

	/**
	 * Refuses, as FORBIDDEN, a caller role that may never do the operation, whatever the
	 * request names (for refusals that must come before the names are checked).
	 */
	public void authorizeRole(AccessRequest request) {
		if (!TABLE.get(request.operation()).containsKey(request.role())) {
			throw new AccessDeniedException(request.role() + " may never " + request.operation());
		}
	}

	/**
	 * The account the request acts on: a person's own (from the token; naming another is
	 * "not found"), or the one a support agent or partner names. Empty reads as absent.
	 */
	public Optional<String> target(AccessRequest request) {
		Caller caller = request.caller();
		if (request.role().isPerson()) {
			boolean namesAnother = request.accountId() != null && !request.accountId().equals(caller.subject());
			return namesAnother ? Optional.empty() : Optional.ofNullable(caller.subject());
		}
		return Optional.ofNullable(request.accountId());
	}

	/** Support agents act on a customer's account only for a ticket they name. */
	public boolean needsTicket(AccessRequest request) {
		return request.role() == SUPPORT_AGENT && request.operation().isTicketed();
	}

	/**
	 * Rule 6, what the caller sees of the account, or empty when it sees nothing: the
	 * owner everything; the person through a partner's sign-in what that service sees; a
	 * support agent of company X the basic details of active accounts linked to a service
	 * of X, and those links; a partner service active accounts linked to it, its entitled
	 * fields and its own link.
	 */
	public Optional<Visibility> visibility(Caller caller, AccountFacts account) {
		return SEES.get(CallerRole.of(caller)).of(caller, account, this.registry.get());
	}

	/**
	 * Rule 7's gate answers a partner about people linked to its service and a support
	 * agent about people linked to a service of its company, a cancelled link included
	 * (it answers ACCOUNT_NOT_ACTIVE); about anyone else it knows nothing.
	 */
	public boolean answersContactPermission(Caller caller, AccountFacts account, String companyId) {
		return !contactPermissionServices(caller, account.linkedServiceIds(), companyId).isEmpty();
	}

	/** Which of the services the contact gate answers about for this caller. */
	public Set<String> contactPermissionServices(Caller caller, Set<String> serviceIds, String companyId) {
		Registry registry = this.registry.get();
		boolean partner = CallerRole.of(caller) == PARTNER_SERVICE;
		return serviceIds.stream()
			.filter((id) -> partner ? id.equals(caller.serviceId())
					: VisibilityRules.controlledBy(registry, id, companyId))
			.collect(Collectors.toSet());
	}

	/** Builds the table row by row. */
	private static final class Table {

		private final Map<Operation, Map<CallerRole, AccessRule>> rows = new EnumMap<>(Operation.class);

		private Operation current;

		Table on(Operation operation) {
			this.current = operation;
			this.rows.put(operation, new EnumMap<>(CallerRole.class));
			return this;
		}

		Table allow(CallerRole role, AccessRule rule) {
			this.rows.get(this.current).put(role, rule);
			return this;
		}

		Table allowEveryoneSignedIn() {
			return allow(OWNER, ALLOWED).allow(PERSON_THROUGH_SERVICE, ALLOWED)
				.allow(SUPPORT_AGENT, ALLOWED)
				.allow(PARTNER_SERVICE, ALLOWED);
		}

		Map<Operation, Map<CallerRole, AccessRule>> build() {
			for (Operation operation : Operation.values()) {
				if (!this.rows.containsKey(operation)) {
					throw new IllegalStateException("The access table has no row for " + operation);
				}
			}
			Map<Operation, Map<CallerRole, AccessRule>> table = new EnumMap<>(Operation.class);
			this.rows.forEach((operation, row) -> table.put(operation, Map.copyOf(row)));
			return table;
		}

	}

}
