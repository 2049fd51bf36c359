package org.onesignin.hub.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;

/**
 * The named rules of rule 6, one per caller role; only the person sees an identity that
 * is no longer active.
 */
public final class VisibilityRules {

	private VisibilityRules() {
	}

	/**
	 * The person on the account pages sees everything of their own, and nobody else's.
	 */
	public record OwnerSeesEverythingOfTheirOwn() implements VisibilityRule {

		@Override
		public Optional<Visibility> of(Caller caller, AccountFacts account, Registry registry) {
			return caller.isAccountOwner(account.accountId()) ? Optional
				.of(new Visibility(CallerRole.OWNER, EnumSet.allOf(BasicDetailField.class), account.linkedServiceIds()))
					: Optional.empty();
		}

	}

	/**
	 * The person through a partner's own sign-in sees what that service sees: its
	 * entitled fields and its own link (also the one being made right now).
	 */
	public record PersonThroughAServiceSeesThatServicesView() implements VisibilityRule {

		@Override
		public Optional<Visibility> of(Caller caller, AccountFacts account, Registry registry) {
			if (!caller.isAccountOwner(account.accountId())) {
				return Optional.empty();
			}
			Set<String> own = (caller.serviceId() != null) ? Set.of(caller.serviceId()) : Set.of();
			return Optional.of(new Visibility(CallerRole.PERSON_THROUGH_SERVICE,
					entitledFields(registry, caller.serviceId()), own));
		}

	}

	/**
	 * A support agent of company X sees the basic details of active accounts linked to a
	 * service of X, and those links only.
	 */
	public record SupportSeesAccountsLinkedToItsCompany() implements VisibilityRule {

		@Override
		public Optional<Visibility> of(Caller caller, AccountFacts account, Registry registry) {
			if (!account.isActive() || caller.actingCompanyId() == null) {
				return Optional.empty();
			}
			Set<String> companyServices = account.activeServiceIds()
				.stream()
				.filter((id) -> controlledBy(registry, id, caller.actingCompanyId()))
				.collect(Collectors.toSet());
			return companyServices.isEmpty() ? Optional.empty() : Optional
				.of(new Visibility(CallerRole.SUPPORT_AGENT, EnumSet.allOf(BasicDetailField.class), companyServices));
		}

	}

	/**
	 * A partner service sees active accounts linked to it, only its entitled fields and
	 * only its own link.
	 */
	public record PartnerSeesOnlyItsEntitledFieldsAndLink() implements VisibilityRule {

		@Override
		public Optional<Visibility> of(Caller caller, AccountFacts account, Registry registry) {
			String serviceId = caller.serviceId();
			if (!account.isActive() || serviceId == null || !account.activeServiceIds().contains(serviceId)
					|| registry.service(serviceId).isEmpty()) {
				return Optional.empty();
			}
			return Optional
				.of(new Visibility(CallerRole.PARTNER_SERVICE, entitledFields(registry, serviceId), Set.of(serviceId)));
		}

	}

	/** Anonymous callers see nothing. */
	public record SeesNothing() implements VisibilityRule {

		@Override
		public Optional<Visibility> of(Caller caller, AccountFacts account, Registry registry) {
			return Optional.empty();
		}

	}

	static Set<BasicDetailField> entitledFields(Registry registry, String serviceId) {
		return Optional.ofNullable(serviceId).flatMap(registry::service).map(Service::syncedFields).orElse(Set.of());
	}

	static boolean controlledBy(Registry registry, String serviceId, String companyId) {
		return registry.service(serviceId).map((service) -> service.isControlledBy(companyId)).orElse(false);
	}

}
