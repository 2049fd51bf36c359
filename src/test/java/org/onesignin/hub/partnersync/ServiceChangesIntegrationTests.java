package org.onesignin.hub.partnersync;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.FeedEvent;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.LinkedAccountView.linkTo;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Rule 4, the pull side: each service reads its own feed in order, with cursors, as
 * CloudEvents, and acknowledges what it applied, which the owner sees as sync state.
 */
class ServiceChangesIntegrationTests extends HubIntegrationTest {

	@Test
	void servesTheFeedInOrderPageByPage() {
		String id = registerUnverifiedThrough("sony-rewards");
		for (int revision = 1; revision <= 3; revision++) {
			asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
				.variable("input", Map.of("expectedRevision", revision, "givenName", "Name " + revision))
				.execute();
		}

		List<Integer> revisions = new java.util.ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = pageAfter(after, "sony-rewards", 2);
			page.path("serviceChanges.edges[*].node")
				.entityList(FeedEvent.class)
				.get()
				.stream()
				.filter((event) -> event.isAbout(id))
				.forEach((event) -> revisions.add(event.revision()));
			more = page.path("serviceChanges.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("serviceChanges.pageInfo.endCursor").entity(String.class).get();
		}

		assertThat(revisions).containsExactly(1, 2, 3, 4);
	}

	@Test
	void shapesEachChangeAsACloudEvent() {
		String id = registerThrough("sony-music");

		Map<String, Object> event = feedEvents("sony-music", id).get(0).cloudEvent();

		assertThat(event.get("specversion")).isEqualTo("1.0");
		assertThat(event.get("type")).isEqualTo("org.onesignin.hub.service-account.linked");
		assertThat(event.get("source")).isEqualTo("/one-sign-in-hub/services/sony-music");
		assertThat(event.get("id")).isNotNull();
		assertThat(event.get("time")).isNotNull();
		assertThat(List.copyOf(((Map<?, ?>) event.get("data")).keySet())).map(String::valueOf)
			.contains("accountId", "serviceAccountId", "revision", "details");
	}

	@Test
	void refusesAnotherServicesFeed() {
		asPartnerService("sony-music").documentName("partner/serviceChanges")
			.variable("serviceId", "playstation-network")
			.variable("first", 10)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	@Test
	void refusesTheFeedToPeopleAndSupportAgents() {
		String id = registerThrough("sony-music");

		for (GraphQlTester tester : List.of(asAccountHolderThrough(id, "sony-music"), asSupportAgent("sony-music"))) {
			tester.documentName("partner/serviceChanges")
				.variable("serviceId", "sony-music")
				.variable("first", 10)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		}
	}

	@Test
	void movesTheLinkToInSyncOnceAcknowledged() {
		String id = registerThrough("playstation-network");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));
		asAccountHolder(id).documentName("account-pages/updateMyBasicDetails")
			.variable("input", Map.of("expectedRevision", 1, "givenName", "Augusta"))
			.execute();
		assertThat(syncState(id, "sony-music")).isEqualTo("PENDING");
		String last = firstPage("sony-music", 100).path("serviceChanges.edges[-1].cursor").entity(String.class).get();

		acknowledge("sony-music", last).path("acknowledgeServiceChanges.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("acknowledgeServiceChanges.acknowledgedUpTo")
			.entity(String.class)
			.satisfies((cursor) -> assertThat(cursor).isNotBlank());

		assertThat(syncState(id, "sony-music")).isEqualTo("IN_SYNC");
		assertThat(syncState(id, "playstation-network")).isEqualTo("PENDING");
		assertThat(linkTo("sony-music", linkedAccountsOf(id)).acknowledgedRevision()).isEqualTo(2);
	}

	@Test
	void refusesACursorThatIsNotFromTheFeed() {
		acknowledge("sony-music", "not-a-cursor").path("acknowledgeServiceChanges.errors[0].code")
			.entity(String.class)
			.isEqualTo("VALIDATION")
			.path("acknowledgeServiceChanges.errors[0].field")
			.entityList(String.class)
			.containsExactly("input", "upTo");
	}

	@Test
	void refusesAnAfterCursorThatIsNotOneOfOurs() {
		for (String cursor : List.of("garbage", "azpzZXF1ZW5jZT1YOjE")) {
			pageAfter(cursor, "sony-music", 10).errors()
				.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST
						&& "serviceChanges".equals(error.getPath()))
				.verify();
		}
	}

	@Test
	void refusesAcknowledgingAnotherServicesFeed() {
		registerThrough("sony-music");
		String cursor = firstPage("sony-music", 1).path("serviceChanges.edges[0].cursor").entity(String.class).get();

		asPartnerService("sony-rewards").documentName("partner/acknowledgeServiceChanges")
			.variable("input", Map.of("serviceId", "sony-music", "upTo", cursor))
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
	}

	private GraphQlTester.Response firstPage(String serviceId, int size) {
		return pageAfter(null, serviceId, size);
	}

	private GraphQlTester.Response pageAfter(String after, String serviceId, int size) {
		return asPartnerService(serviceId).documentName("partner/serviceChanges")
			.variable("serviceId", serviceId)
			.variable("first", size)
			.variable("after", after)
			.execute();
	}

	private GraphQlTester.Response acknowledge(String serviceId, String upTo) {
		return asPartnerService(serviceId).documentName("partner/acknowledgeServiceChanges")
			.variable("input", Map.of("serviceId", serviceId, "upTo", upTo))
			.execute();
	}

	private String syncState(String accountId, String serviceId) {
		return linkTo(serviceId, linkedAccountsOf(accountId)).syncState();
	}

}
