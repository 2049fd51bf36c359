package org.onesignin.hub.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.access.AccessRules.ActsAsARegisteredService;
import org.onesignin.hub.access.AccessRules.ActsOnlyForItsOwnCompany;
import org.onesignin.hub.access.AccessRules.ActsOnlyForItsOwnService;
import org.onesignin.hub.access.AccessRules.OnlyTheirOwnAccount;
import org.onesignin.hub.access.AccessRules.PartnerCancelsOnlyItsOwnService;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access table and its named rules, without Spring or a store.
 */
class AccessPolicyUnitTests {

	static final Service MUSIC = new Service("music", "Music", "label", List.of("music"),
			Set.of(BasicDetailField.EMAIL, BasicDetailField.GIVEN_NAME), null, false);

	static final Service RADIO = new Service("radio", "Radio", "label", List.of("radio"),
			Set.of(BasicDetailField.EMAIL), null, false);

	static final Service SHOP = new Service("shop", "Shop", "retail", List.of("shop"),
			Set.of(BasicDetailField.EMAIL, BasicDetailField.PHONE), null, false);

	static final Registry REGISTRY = new Registry(List.of(company("label"), company("retail")),
			List.of(MUSIC, RADIO, SHOP));

	final AccessPolicy policy = new AccessPolicy(() -> REGISTRY);

	@Test
	void forbidsACallerRoleMissingFromAnOperationsRow() {
		AccessRequest export = AccessRequest.of(partner("music"), Operation.EXPORT_DATA);

		assertThatThrownBy(() -> this.policy.authorize(export)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void allowsAnAnonymousCallerNothing() {
		Caller anonymous = new Caller(CallerKind.ANONYMOUS, null, null, null, null, false, null, null);

		for (Operation operation : Operation.values()) {
			assertThat(this.policy.allows(AccessRequest.of(anonymous, operation))).as(operation.name()).isFalse();
		}
	}

	@Test
	void letsOnlyAnAdministratorChangeTheRegistryAndAnAdministratorNoAccount() {
		Caller administrator = new Caller(CallerKind.ADMINISTRATOR, "admin-1", "support-console", null, null, false,
				null, null);

		for (Caller other : List.of(owner("a-1"), agent("sony-music"), partner("music"))) {
			assertThat(this.policy.allows(AccessRequest.of(other, Operation.ADMINISTER_REGISTRY))).isFalse();
			assertThat(this.policy.allows(AccessRequest.of(other, Operation.READ_REGISTRY_CHANGES))).isFalse();
		}
		assertThat(this.policy.allows(AccessRequest.of(administrator, Operation.ADMINISTER_REGISTRY))).isTrue();
		assertThat(this.policy.allows(AccessRequest.of(administrator, Operation.READ_ACCOUNT).onAccount("a-1")))
			.isFalse();
		assertThat(this.policy.allows(AccessRequest.of(administrator, Operation.SEARCH_ACCOUNTS))).isFalse();
		// it reads where a webhook stands, but a redelivery is the partner's to ask for
		assertThat(this.policy
			.allows(AccessRequest.of(administrator, Operation.READ_SERVICE_WEBHOOK).forService("sony-music"))).isTrue();
		assertThat(this.policy
			.allows(AccessRequest.of(administrator, Operation.REDELIVER_SERVICE_CHANGES).forService("sony-music")))
			.isFalse();
	}

	@Test
	void letsSupportActOnlyWithinItsCompany() {
		ActsOnlyForItsOwnCompany rule = new ActsOnlyForItsOwnCompany();

		assertThat(rule.allows(AccessRequest.of(agent("label"), Operation.RECORD_GUARDIAN_CONSENT).forCompany("label"),
				REGISTRY))
			.isTrue();
		assertThat(rule.allows(AccessRequest.of(agent("label"), Operation.RECORD_GUARDIAN_CONSENT).forCompany("retail"),
				REGISTRY))
			.isFalse();
	}

	@Test
	void letsAPersonLinkOnlyThroughTheServicesOwnClient() {
		ActsOnlyForItsOwnService rule = new ActsOnlyForItsOwnService();

		assertThat(rule.allows(link(personThrough("a-1", "music"), "music"), REGISTRY)).isTrue();
		assertThat(rule.allows(link(personThrough("a-1", "music"), "shop"), REGISTRY)).isFalse();
		assertThat(this.policy.allows(link(owner("a-1"), "music"))).isFalse();
		assertThat(this.policy.allows(link(partner("music"), "music"))).isFalse();
	}

	@Test
	void letsAPartnerCancelItsOwnAndOtherCompaniesServicesButNotItsSiblings() {
		PartnerCancelsOnlyItsOwnService rule = new PartnerCancelsOnlyItsOwnService();

		assertThat(rule.allows(cancel(partner("music"), "music"), REGISTRY)).isTrue();
		assertThat(rule.allows(cancel(partner("music"), "shop"), REGISTRY)).isTrue();
		assertThat(rule.allows(cancel(partner("music"), "radio"), REGISTRY)).isFalse();
	}

	@Test
	void letsTheOwnerReadOnlyTheirOwnHistories() {
		OnlyTheirOwnAccount rule = new OnlyTheirOwnAccount();

		assertThat(rule.allows(AccessRequest.of(owner("a-1"), Operation.READ_ACCESS_LOG).onAccount("a-1"), REGISTRY))
			.isTrue();
		assertThat(rule.allows(AccessRequest.of(owner("a-1"), Operation.READ_ACCESS_LOG).onAccount("a-2"), REGISTRY))
			.isFalse();
	}

	@Test
	void letsOnlyAServiceOfTheRegistryRegisterPeople() {
		ActsAsARegisteredService rule = new ActsAsARegisteredService();

		assertThat(rule.allows(AccessRequest.of(partner("music"), Operation.REGISTER_ACCOUNT), REGISTRY)).isTrue();
		assertThat(rule.allows(AccessRequest.of(partner("unknown"), Operation.REGISTER_ACCOUNT), REGISTRY)).isFalse();
	}

	@Test
	void resolvesAPersonsTargetFromTheTokenAndNamingAnotherAsAbsent() {
		assertThat(this.policy.target(AccessRequest.of(owner("a-1"), Operation.UPDATE_BASIC_DETAILS))).contains("a-1");
		assertThat(this.policy.target(AccessRequest.of(owner("a-1"), Operation.UPDATE_BASIC_DETAILS).onAccount("a-2")))
			.isEmpty();
		assertThat(
				this.policy.target(AccessRequest.of(agent("label"), Operation.UPDATE_BASIC_DETAILS).onAccount("a-2")))
			.contains("a-2");
	}

	@Test
	void asksSupportForATicketOnlyWhereTheOperationIsTicketed() {
		assertThat(this.policy.needsTicket(AccessRequest.of(agent("label"), Operation.READ_ACCOUNT))).isTrue();
		assertThat(this.policy.needsTicket(AccessRequest.of(agent("label"), Operation.CHECK_CONTACT_PERMISSION)))
			.isFalse();
		assertThat(this.policy.needsTicket(AccessRequest.of(owner("a-1"), Operation.READ_ACCOUNT))).isFalse();
	}

	@Test
	void showsAPartnerOnlyItsEntitledFieldsAndItsOwnLink() {
		Facts account = new Facts("a-1", true, Set.of("music", "shop"), Set.of("music", "shop"));

		Visibility visibility = this.policy.visibility(partner("music"), account).orElseThrow();

		assertThat(visibility.fields()).containsExactlyInAnyOrder(BasicDetailField.EMAIL, BasicDetailField.GIVEN_NAME);
		assertThat(visibility.services()).containsExactly("music");
		assertThat(visibility.isLogged()).isTrue();
	}

	@Test
	void showsAPartnerNothingOfAnAccountNotLinkedToIt() {
		Facts account = new Facts("a-1", true, Set.of("shop"), Set.of("shop", "music"));

		assertThat(this.policy.visibility(partner("music"), account)).isEmpty();
	}

	@Test
	void showsSupportTheLinksOfItsCompanysServicesOnly() {
		Facts account = new Facts("a-1", true, Set.of("music", "radio", "shop"), Set.of("music", "radio", "shop"));

		Visibility visibility = this.policy.visibility(agent("label"), account).orElseThrow();

		assertThat(visibility.services()).containsExactlyInAnyOrder("music", "radio");
		assertThat(visibility.fields()).containsExactly(BasicDetailField.values());
	}

	@Test
	void showsOthersNothingOfAClosedAccountButTheOwnerEverything() {
		Facts closed = new Facts("a-1", false, Set.of(), Set.of("music"));

		assertThat(this.policy.visibility(agent("label"), closed)).isEmpty();
		assertThat(this.policy.visibility(owner("a-1"), closed)).get().extracting(Visibility::isOwner).isEqualTo(true);
		assertThat(this.policy.visibility(owner("a-2"), closed)).isEmpty();
	}

	@Test
	void showsThePersonThroughAServiceThatServicesView() {
		Facts account = new Facts("a-1", true, Set.of("music", "shop"), Set.of("music", "shop"));

		Visibility visibility = this.policy.visibility(personThrough("a-1", "shop"), account).orElseThrow();

		assertThat(visibility.fields()).containsExactlyInAnyOrder(BasicDetailField.EMAIL, BasicDetailField.PHONE);
		assertThat(visibility.services()).containsExactly("shop");
		assertThat(visibility.isLogged()).isFalse();
	}

	private static AccessRequest link(Caller caller, String serviceId) {
		return AccessRequest.of(caller, Operation.LINK_SERVICE_ACCOUNT).forService(serviceId);
	}

	private static AccessRequest cancel(Caller caller, String serviceId) {
		return AccessRequest.of(caller, Operation.CANCEL_SERVICE_ACCOUNT).forService(serviceId);
	}

	private static Caller owner(String accountId) {
		return new Caller(CallerKind.USER, accountId, "account-pages", null, null, true, Instant.MAX, null);
	}

	private static Caller personThrough(String accountId, String serviceId) {
		String company = REGISTRY.service(serviceId).map(Service::controllerId).orElse(null);
		return new Caller(CallerKind.USER, accountId, serviceId, serviceId, company, false, Instant.MAX, null);
	}

	private static Caller agent(String company) {
		return new Caller(CallerKind.SUPPORT_AGENT, "agent-1", "support-console", null, company, false, Instant.MAX,
				null);
	}

	private static Caller partner(String serviceId) {
		String company = REGISTRY.service(serviceId).map(Service::controllerId).orElse(null);
		String service = REGISTRY.service(serviceId).map(Service::id).orElse(null);
		return new Caller(CallerKind.PARTNER_SERVICE, serviceId, serviceId, service, company, false, Instant.MAX, null);
	}

	private static Company company(String id) {
		return new Company(id, id, "NL", 16, null);
	}

	private record Facts(String accountId, boolean isActive, Set<String> activeServiceIds,
			Set<String> linkedServiceIds) implements AccountFacts {
	}

}
