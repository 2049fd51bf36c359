package org.onesignin.hub.account;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.PageRequest;
import org.onesignin.hub.support.HubIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesignin.hub.support.ServiceAccount.aServiceAccount;

/**
 * Rule 6: account(id) for each caller kind, entitled and not; a denial looks exactly like
 * an absent account, and reads by others than the owner are logged.
 */
class VisibilityIntegrationTests extends HubIntegrationTest {

	/** The one message of a NOT_FOUND account, absent or hidden alike. */
	static final String ABSENT_ACCOUNT_MESSAGE = "No account with that id";

	@Autowired
	AccessLog accessLog;

	@Test
	void showsTheOwnerEverything() {
		String id = registerThrough("playstation-network");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));

		read(asAccountHolder(id), id).path("account.linkedAccounts")
			.entityList(Object.class)
			.hasSize(2)
			.path("account.basicDetails.familyName")
			.entity(String.class)
			.isEqualTo("Lovelace");
	}

	@Test
	void reportsAnotherPersonsAccountAsNotFound() {
		String id = registerThrough("playstation-network");
		String other = registerThrough("playstation-network");

		assertNotFound(read(asAccountHolder(other), id));
	}

	@Test
	void showsASupportAgentOfALinkedCompanyTheDetailsAndLogsTheRead() {
		String id = registerThrough("playstation-network");
		link(id, aServiceAccount().at("my-sony").withId("ms-" + id));

		readWithTicket(asSupportAgent("sony-europe"), id, "T-77").path("account.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Ada")
			.path("account.linkedAccounts[*].service.id")
			.entityList(String.class)
			.containsExactly("my-sony");

		List<AccessLogEntry> log = this.accessLog.page(id, PageRequest.first(100)).items();
		assertThat(log).hasSize(1);
		assertThat(log.get(0).actorKind()).isEqualTo(CallerKind.SUPPORT_AGENT);
		assertThat(log.get(0).companyId()).isEqualTo("sony-europe");
		assertThat(log.get(0).ticket()).isEqualTo("T-77");
		assertThat(log.get(0).action()).isEqualTo("READ");
	}

	@Test
	void reportsAccountsWithoutALinkToTheAgentsCompanyAsNotFound() {
		String id = registerThrough("playstation-network");

		assertNotFound(readWithTicket(asSupportAgent("sony-europe"), id, "T-1"));
		assertThat(this.accessLog.page(id, PageRequest.first(100)).items()).isEmpty();
	}

	@Test
	void refusesASupportReadWithoutATicket() {
		String id = registerThrough("my-sony");

		read(asSupportAgent("sony-europe"), id).errors()
			.expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST)
			.verify();
	}

	@Test
	void showsALinkedPartnerOnlyItsEntitledFieldsAndItsOwnLink() {
		String id = registerThrough("playstation-network");
		link(id, aServiceAccount().at("sony-music").withId("sm-" + id));

		read(asPartnerService("sony-music"), id).path("account.basicDetails.givenName")
			.entity(String.class)
			.isEqualTo("Ada")
			.path("account.basicDetails.familyName")
			.valueIsNull()
			.path("account.linkedAccounts[*].service.id")
			.entityList(String.class)
			.containsExactly("sony-music");
		assertThat(this.accessLog.page(id, PageRequest.first(100)).items()).extracting(AccessLogEntry::serviceId)
			.containsExactly("sony-music");
	}

	@Test
	void reportsAccountsNotLinkedToThePartnerAsNotFound() {
		String id = registerThrough("playstation-network");

		assertNotFound(read(asPartnerService("sony-music"), id));
	}

	@Test
	void reportsAnAbsentAccountTheSameWayAsAHiddenOne() {
		assertNotFound(read(asPartnerService("sony-music"), "no-such-account"));
		assertNotFound(readWithTicket(asSupportAgent("sony-europe"), "no-such-account", "T-1"));
		assertNotFound(read(asAccountHolder("no-such-account"), "no-such-account"));
	}

	@Test
	void refusesAnonymousReads() {
		String id = registerThrough("playstation-network");

		read(anonymous(), id).errors().expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
	}

	private GraphQlTester.Response read(GraphQlTester tester, String id) {
		return readWithTicket(tester, id, null);
	}

	private GraphQlTester.Response readWithTicket(GraphQlTester tester, String id, String ticket) {
		return tester
			.document("query($id: ID!, $ticket: String) { account(id: $id, ticket: $ticket) { id "
					+ "basicDetails { givenName familyName } linkedAccounts { service { id } } } }")
			.variable("id", id)
			.variable("ticket", ticket)
			.execute();
	}

	/**
	 * The answer for an account that is absent. The message is asserted on purpose: it is
	 * the same opaque text whether the account is absent or hidden, so that a denial
	 * tells nothing about the account.
	 */
	private static void assertNotFound(GraphQlTester.Response response) {
		response.errors()
			.expect((error) -> error.getErrorType() == ErrorType.NOT_FOUND
					&& ABSENT_ACCOUNT_MESSAGE.equals(error.getMessage()))
			.verify()
			.path("account")
			.valueIsNull();
	}

}
