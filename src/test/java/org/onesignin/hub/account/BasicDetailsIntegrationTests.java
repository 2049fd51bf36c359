package org.onesignin.hub.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.RegistrationInput;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * updateBasicDetails and changeSignInEmail by each caller kind: partial updates, the
 * revision check, validation, entitlement, propagation to entitled services only, and the
 * owner's change history.
 */
class BasicDetailsIntegrationTests extends HubIntegrationTest {

	@Test
	void appliesAnOwnersPartialUpdateAndBumpsTheRevision() {
		String id = registerThrough("playstation-network", uniqueEmail(),
				Map.of("givenName", "Ada", "familyName", "Lovelace", "country", "GB"));

		update(asAccountHolder(id), Map.of("expectedRevision", 1, "givenName", "Augusta"))
			.path("updateBasicDetails.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateBasicDetails.account.revision")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("updateBasicDetails.account.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Augusta")
			.path("updateBasicDetails.account.basicDetails.familyName")
			.entity(String.class)
			.isEqualTo("Lovelace");
	}

	@Test
	void clearsAFieldSentAsNull() {
		String id = registerThrough("playstation-network", uniqueEmail(),
				Map.of("givenName", "Ada", "familyName", "Lovelace"));
		Map<String, Object> input = new HashMap<>();
		input.put("expectedRevision", 1);
		input.put("familyName", null);

		update(asAccountHolder(id), input).path("updateBasicDetails.account.basicDetails.familyName")
			.valueIsNull()
			.path("updateBasicDetails.account.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Ada");
	}

	@Test
	void refusesAStaleRevisionWithTheCurrentOneAndChangesNothing() {
		String id = registerThrough("playstation-network");
		update(asAccountHolder(id), Map.of("expectedRevision", 1, "givenName", "First"));

		update(asAccountHolder(id), Map.of("expectedRevision", 1, "givenName", "Second"))
			.path("updateBasicDetails.account")
			.valueIsNull()
			.path("updateBasicDetails.errors[0].code")
			.entity(String.class)
			.isEqualTo("STALE_REVISION")
			.path("updateBasicDetails.errors[0].currentRevision")
			.entity(Integer.class)
			.isEqualTo(2);

		asAccountHolder(id).documentName("account-pages/me")
			.execute()
			.path("me.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("First");
	}

	@Test
	void reportsEveryInvalidValueWithItsPathAndChangesNothing() {
		String id = registerThrough("my-sony");

		update(asAccountHolder(id),
				Map.of("expectedRevision", 1, "phone", "not a phone", "country", "Narnia", "postalAddress",
						Map.of("streetAddress", "", "locality", "Amsterdam", "country", "NL")))
			.path("updateBasicDetails.errors[*].field")
			.entityList(List.class)
			.contains(List.of("input", "phone"), List.of("input", "country"),
					List.of("input", "postalAddress", "streetAddress"));

		assertThat(revisionOf(id)).isEqualTo(1);
	}

	@Test
	void keepsTheRevisionWhenNothingEffectivelyChanges() {
		String id = registerThrough("sony-music", uniqueEmail(), Map.of("givenName", "Ada"));

		update(asAccountHolder(id), Map.of("expectedRevision", 1, "givenName", "Ada"))
			.path("updateBasicDetails.account.revision")
			.entity(Integer.class)
			.isEqualTo(1);

		assertThat(eventTypes("sony-music", id)).containsExactly("service-account.linked");
	}

	@Test
	void propagatesToEveryEntitledServiceWithOnlyItsFields() {
		String id = registerThrough("my-sony", uniqueEmail(), Map.of("givenName", "Ada", "country", "GB"));
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));
		link(id, aServiceAccount().at("sony-rewards").withId("sr-" + id));

		update(asAccountHolder(id), Map.of("expectedRevision", 1, "phone", "+14155552671", "givenName", "Ada B."))
			.path("updateBasicDetails.errors")
			.entityList(Object.class)
			.hasSize(0);

		FeedEvent music = lastEvent("sony-music", id);
		assertThat(music.type()).isEqualTo("basic-details.changed");
		assertThat(music.changedFields()).isEqualTo(List.of("GIVEN_NAME"));
		assertThat(music.data()).containsOnlyKeys("email", "givenName", "country").containsEntry("givenName", "Ada B.");
		FeedEvent rewards = lastEvent("sony-rewards", id);
		assertThat(rewards.changedFields()).isEqualTo(List.of("GIVEN_NAME", "PHONE"));
		assertThat(rewards.data()).containsOnlyKeys("email", "givenName", "familyName", "phone", "postalAddress")
			.containsEntry("phone", "+14155552671");
	}

	@Test
	void sendsNoEventToAServiceNotEntitledToTheChangedField() {
		String id = registerThrough("sony-music");

		update(asAccountHolder(id), Map.of("expectedRevision", 1, "phone", "+14155552671"));

		assertThat(lastEvent("sony-music", id).type()).isEqualTo("service-account.linked");
	}

	@Test
	void letsASupportAgentOfALinkedCompanyCorrectDetailsWithATicket() {
		String id = registerThrough("my-sony");

		asSupportAgent("sony-europe").documentName("support/correctBasicDetails")
			.variable("input", Map.of("accountId", id, "expectedRevision", 1, "familyName", "Byron", "ticket", "T-100"))
			.execute()
			.path("updateBasicDetails.account.basicDetails.familyName")
			.entity(String.class)
			.isEqualTo("Byron");

		asAccountHolder(id).documentName("account-pages/myChangeHistory")
			.variable("first", 10)
			.execute()
			.path("me.changeHistory.edges[0].node.actorKind")
			.entity(String.class)
			.isEqualTo("SUPPORT_AGENT")
			.path("me.changeHistory.edges[0].node.companyId")
			.entity(String.class)
			.isEqualTo("sony-europe")
			.path("me.changeHistory.edges[0].node.after")
			.entity(String.class)
			.isEqualTo("Byron");
	}

	@Test
	void refusesASupportChangeWithoutATicket() {
		String id = registerThrough("my-sony");

		asSupportAgent("sony-europe").documentName("support/correctBasicDetails")
			.variable("input", Map.of("accountId", id, "expectedRevision", 1, "familyName", "Byron"))
			.execute()
			.path("updateBasicDetails.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "ticket");
	}

	@Test
	void hidesAccountsOfOtherCompaniesFromSupportAgents() {
		String id = registerThrough("sony-music");

		asSupportAgent("sony-europe").documentName("support/correctBasicDetails")
			.variable("input", Map.of("accountId", id, "expectedRevision", 1, "familyName", "X", "ticket", "T-1"))
			.execute()
			.path("updateBasicDetails.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void letsALinkedPartnerPushOnlyItsEntitledFields() {
		String id = registerThrough("sony-music");

		asPartnerService("sony-music").documentName("partner/pushBasicDetails")
			.variable("input", Map.of("accountId", id, "expectedRevision", 1, "givenName", "Ada M."))
			.execute()
			.path("updateBasicDetails.account.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Ada M.");

		asPartnerService("sony-music").documentName("partner/pushBasicDetails")
			.variable("input",
					Map.of("accountId", id, "expectedRevision", 2, "familyName", "Nope", "phone", "+14155552671"))
			.execute()
			.path("updateBasicDetails.errors[*].code")
			.entityList(String.class)
			.containsExactly("NOT_ENTITLED", "NOT_ENTITLED");
	}

	@Test
	void hidesAccountsNotLinkedToThePartnersService() {
		String id = registerThrough("sony-music");

		asPartnerService("sony-rewards").documentName("partner/pushBasicDetails")
			.variable("input", Map.of("accountId", id, "expectedRevision", 1, "givenName", "X"))
			.execute()
			.path("updateBasicDetails.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void changesTheSignInEmailOnceConfirmedAndPropagatesIt() {
		String id = registerThrough("sony-music");
		String newEmail = uniqueEmail();

		asAccountHolder(id).documentName("account-pages/changeMySignInEmail")
			.variable("input", Map.of("expectedRevision", 1, "newEmail", newEmail))
			.execute()
			.path("changeSignInEmail.account.pendingSignInEmail")
			.entity(String.class)
			.isEqualTo(newEmail);
		assertThat(confirmFromMail(newEmail, RegistrationInput.PASSWORD).getStatus().value()).isEqualTo(200);

		FeedEvent change = feedEvents("sony-music", id).stream()
			.filter((event) -> event.type().equals("basic-details.changed"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(change.changedFields()).isEqualTo(List.of("EMAIL"));
		assertThat(change.data()).containsEntry("email", newEmail);
		assertThat(revisionOf(id)).isEqualTo(2);
	}

	private GraphQlTester.Response update(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("account-pages/updateMyBasicDetails").variable("input", input).execute();
	}

	private FeedEvent lastEvent(String serviceId, String accountId) {
		List<FeedEvent> events = feedEvents(serviceId, accountId);
		return events.get(events.size() - 1);
	}

}
