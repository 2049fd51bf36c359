package org.onesignin.hub.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onesignin.hub.access.AccountFacts;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * A One Sign In identity: sign-in email, basic details, the revision callers send back,
 * and the links to service accounts. Its methods decide changes and return them as
 * {@link AccountChange}s (with the events for each entitled service) or as rejections.
 */
public record Account(AccountId id, String passwordHash, Credentials credentials, AccountStatus status, int revision,
		long version, BasicDetails details, List<LinkedAccount> links, Map<String, Integer> emittedRevisions,
		Map<String, Integer> acknowledgedRevisions, Instant createdAt, Instant updatedAt,
		Instant closedAt) implements AccountFacts {

	public Account {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(credentials, "credentials");
		Objects.requireNonNull(status, "status");
		if (revision < 1) {
			throw new IllegalArgumentException("Revision starts at 1");
		}
		Objects.requireNonNull(details, "details");
		links = List.copyOf(links);
		emittedRevisions = Map.copyOf(emittedRevisions);
		acknowledgedRevisions = Map.copyOf(acknowledgedRevisions);
	}

	/**
	 * A new identity created through a service's sign-up: linked to that service from the
	 * start, with a {@code LINKED} event for it. Its sign-in email is verified already
	 * (asserted by a service trusted to verify) or awaits the confirmation given.
	 */
	public static NewAccount register(AccountId id, String passwordHash, Credentials credentials, BasicDetails details,
			Service service, String serviceAccountId, ChangeOrigin origin, Instant now) {
		LinkedAccount link = LinkedAccount.active(service.id(), serviceAccountId, now);
		ServiceChange linked = linkedEvent(id, 1, details, service, serviceAccountId, origin, now);
		Account account = new Account(id, passwordHash, credentials, AccountStatus.ACTIVE, 1, 0, details, List.of(link),
				Map.of(service.id(), 1), Map.of(), now, now, null);
		return new NewAccount(account, List.of(linked), List.of());
	}

	/**
	 * Decides a change of basic details based on {@code expectedRevision}: refused when
	 * that revision is stale; otherwise one event per active linked service entitled to
	 * at least one changed field, carrying only that service's entitled fields. A change
	 * without any effective difference is empty (no revision, no events).
	 */
	public Outcome<AccountChange> changeDetails(int expectedRevision, BasicDetails newDetails, ChangeOrigin origin,
			Registry registry, Instant now) {
		if (expectedRevision != this.revision) {
			return Outcome.rejected(staleRevision());
		}
		Set<BasicDetailField> changed = EnumSet.noneOf(BasicDetailField.class);
		for (BasicDetailField field : BasicDetailField.values()) {
			if (!Objects.equals(this.details.value(field), newDetails.value(field))) {
				changed.add(field);
			}
		}
		if (changed.isEmpty()) {
			return Outcome.done(AccountChange.none(this.id, this.version, now));
		}
		int newRevision = this.revision + 1;
		List<ChangeHistoryEntry> history = new ArrayList<>();
		for (BasicDetailField field : changed) {
			history.add(new ChangeHistoryEntry(UUID.randomUUID().toString(), this.id.value(), newRevision,
					ChangedField.of(field), display(this.details.value(field)), display(newDetails.value(field)),
					origin, now));
		}
		List<ServiceChange> events = new ArrayList<>();
		for (LinkedAccount link : activeLinks()) {
			Service service = registry.service(link.serviceId()).orElse(null);
			if (service == null) {
				continue;
			}
			List<BasicDetailField> entitledChanges = changed.stream().filter(service::isEntitledTo).toList();
			if (!entitledChanges.isEmpty()) {
				events.add(new ServiceChange(ServiceChange.newId(), ServiceChange.DETAILS_CHANGED, this.id.value(),
						service.id(), link.serviceAccountId(), newRevision, now, entitledChanges,
						newDetails.asData(sorted(service.syncedFields())), origin));
			}
		}
		return Outcome
			.done(new AccountChange(this.id, this.version, newRevision, newDetails, null, null, events, history, now));
	}

	/**
	 * Decides linking a service account. Linking the same service account again is
	 * idempotent (an empty change); a second, different account of a service that already
	 * has an active link is refused.
	 */
	public Outcome<AccountChange> link(Service service, String serviceAccountId, ChangeOrigin origin, Instant now) {
		Optional<LinkedAccount> existing = activeLink(service.id());
		if (!this.credentials.emailVerified() && existing.isEmpty()) {
			// until its owner proved the address, an identity stays with the one service
			// it was registered through: no account pre-hijacking across services
			return Outcome.rejected(Rejection.of(UserErrorCode.EMAIL_NOT_VERIFIED,
					"Confirm the sign-in email with the link mailed to it before linking another service"));
		}
		if (existing.isPresent()) {
			if (existing.get().serviceAccountId().equals(serviceAccountId)) {
				return Outcome.done(AccountChange.none(this.id, this.version, now));
			}
			return Outcome.rejected(Rejection.onField(UserErrorCode.SERVICE_ALREADY_LINKED, "serviceId",
					"This identity already has an active " + service.name() + " account linked"));
		}
		LinkedAccount link = LinkedAccount.active(service.id(), serviceAccountId, now);
		ServiceChange event = linkedEvent(this.id, this.revision, this.details, service, serviceAccountId, origin, now);
		List<LinkedAccount> links = new ArrayList<>(this.links);
		links.add(link);
		return Outcome
			.done(new AccountChange(this.id, this.version, null, null, links, null, List.of(event), List.of(), now));
	}

	/**
	 * Rule 5: decides cancelling this identity's account of one service. Only a request
	 * acting for the service's controller may; anyone else is told who controls it and
	 * how that service cancels. The service gets a {@code CANCELLED} event and nothing
	 * after it.
	 */
	public Outcome<AccountChange> cancel(Service service, String actingCompanyId, ChangeOrigin origin, String reason,
			Instant now) {
		if (!service.isControlledBy(actingCompanyId)) {
			return Outcome.rejected(Rejection
				.onField(UserErrorCode.NOT_CONTROLLER, "serviceId",
						"Only " + service.controllerId() + " can cancel " + service.name() + " accounts")
				.with("serviceId", service.id()));
		}
		Optional<LinkedAccount> link = activeLink(service.id());
		if (link.isEmpty()) {
			return Outcome
				.rejected(Rejection.invalid("serviceId", "No active " + service.name() + " account is linked"));
		}
		List<LinkedAccount> links = this.links.stream()
			.map((l) -> l.equals(link.get()) ? new LinkedAccount(l.serviceId(), l.serviceAccountId(),
					LinkStatus.CANCELLED, l.linkedAt(), now, actingCompanyId) : l)
			.toList();
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("cancelledBy", actingCompanyId);
		data.put("reason", reason);
		ServiceChange cancelled = new ServiceChange(ServiceChange.newId(), ServiceChange.CANCELLED, this.id.value(),
				service.id(), link.get().serviceAccountId(), this.revision, now, List.of(), data, origin);
		return Outcome.done(
				new AccountChange(this.id, this.version, null, null, links, null, List.of(cancelled), List.of(), now));
	}

	/**
	 * Decides closing the identity: refused while any linked service account is active
	 * (each must be cancelled through its own controller first).
	 */
	public Outcome<AccountChange> close(Instant now) {
		if (!activeLinks().isEmpty()) {
			return Outcome.rejected(Rejection
				.of(UserErrorCode.LINKED_ACCOUNTS_ACTIVE,
						"Cancel every linked service account with its own company first")
				.with("serviceIds", activeLinks().stream().map(LinkedAccount::serviceId).toList()));
		}
		if (this.status == AccountStatus.CLOSED) {
			return Outcome.done(AccountChange.none(this.id, this.version, now));
		}
		return Outcome.done(new AccountChange(this.id, this.version, null, null, null, AccountStatus.CLOSED, List.of(),
				List.of(), now));
	}

	/** Whether two addresses are the same sign-in email (case-insensitive). */
	/**
	 * The address awaiting confirmation to become the sign-in email (a change of address
	 * not yet confirmed), or null.
	 */
	public String pendingSignInEmail() {
		Credentials.Confirmation pending = this.credentials.emailConfirmation();
		return (pending != null && !sameAddress(pending.email(), signInEmail())) ? pending.email() : null;
	}

	public static boolean sameAddress(String one, String other) {
		return one != null && other != null
				&& BasicDetailsValidation.emailKey(one).equals(BasicDetailsValidation.emailKey(other));
	}

	public Rejection staleRevision() {
		return Rejection
			.onField(UserErrorCode.STALE_REVISION, "expectedRevision",
					"The account changed since revision you based this change on; reload and retry")
			.with("currentRevision", this.revision);
	}

	public List<LinkedAccount> activeLinks() {
		return this.links.stream().filter(LinkedAccount::isActive).toList();
	}

	public Optional<LinkedAccount> activeLink(String serviceId) {
		return this.links.stream().filter((l) -> l.isActive() && l.serviceId().equals(serviceId)).findFirst();
	}

	/** Whether the service has acknowledged every change sent to it. */
	public SyncState syncState(String serviceId) {
		int emitted = this.emittedRevisions.getOrDefault(serviceId, 0);
		int acknowledged = this.acknowledgedRevisions.getOrDefault(serviceId, 0);
		return (acknowledged >= emitted) ? SyncState.IN_SYNC : SyncState.PENDING;
	}

	public Integer acknowledgedRevision(String serviceId) {
		return this.acknowledgedRevisions.get(serviceId);
	}

	@Override
	public String accountId() {
		return this.id.value();
	}

	@Override
	public Set<String> activeServiceIds() {
		return activeLinks().stream().map(LinkedAccount::serviceId).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Set<String> linkedServiceIds() {
		return this.links.stream().map(LinkedAccount::serviceId).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean isActive() {
		return this.status == AccountStatus.ACTIVE;
	}

	public String signInEmail() {
		return this.details.email();
	}

	private static ServiceChange linkedEvent(AccountId id, int revision, BasicDetails details, Service service,
			String serviceAccountId, ChangeOrigin origin, Instant now) {
		List<BasicDetailField> entitled = sorted(service.syncedFields());
		return new ServiceChange(ServiceChange.newId(), ServiceChange.LINKED, id.value(), service.id(),
				serviceAccountId, revision, now, entitled, details.asData(entitled), origin);
	}

	private static List<BasicDetailField> sorted(Set<BasicDetailField> fields) {
		return fields.stream().sorted().toList();
	}

	private static String display(Object value) {
		if (value instanceof PostalAddress address) {
			return String.join(", ",
					java.util.stream.Stream
						.of(address.streetAddress(), address.locality(), address.region(), address.postalCode(),
								address.country())
						.filter(Objects::nonNull)
						.toList());
		}
		return (value != null) ? value.toString() : null;
	}

	/** A newly registered account and the events and mails its creation produced. */
	public record NewAccount(Account account, List<ServiceChange> events, List<org.onesignin.hub.mail.Mail> mails) {

		public NewAccount withMails(List<org.onesignin.hub.mail.Mail> mails) {
			return new NewAccount(this.account, this.events, mails);
		}

	}

}
