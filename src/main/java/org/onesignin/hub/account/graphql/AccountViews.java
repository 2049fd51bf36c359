package org.onesignin.hub.account.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onesignin.hub.account.AccountStatus;
import org.onesignin.hub.account.LinkStatus;
import org.onesignin.hub.account.SyncState;
import org.onesignin.hub.account.ChangedField;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.graphql.AccountSource;
import org.onesignin.hub.shared.graphql.UserError;

/**
 * The account module's GraphQL view and input records, named like their schema types.
 */
final class AccountViews {

	private AccountViews() {
	}

	record Account(String id, String signInEmail, boolean emailVerified, String pendingSignInEmail,
			AccountStatus status, int revision, BasicDetails basicDetails, List<LinkedAccount> linkedAccounts,
			Instant createdAt, Instant updatedAt, Instant closedAt) implements AccountSource {
	}

	record BasicDetails(String givenName, String familyName, String email, LocalDate dateOfBirth, String country,
			String language, String phone, PostalAddress postalAddress) {
	}

	record PostalAddress(String streetAddress, String locality, String region, String postalCode, String country) {
	}

	record LinkedAccount(String serviceId, String serviceAccountId, LinkStatus status, Instant linkedAt,
			Instant cancelledAt, String cancelledById, SyncState syncState, Integer acknowledgedRevision) {
	}

	record Change(String id, int revision, ChangedField field, String before, String after, CallerKind actorKind,
			String actorId, String companyId, String serviceId, Instant time) {
	}

	record RegisterAccountPayload(Account account, List<UserError> errors) {
	}

	record UpdateBasicDetailsPayload(Account account, List<UserError> errors) {
	}

	record ChangeSignInEmailPayload(Account account, List<UserError> errors) {
	}

	record LinkServiceAccountPayload(Account account, List<UserError> errors) {
	}

	record ChangePasswordPayload(Account account, List<UserError> errors) {
	}

	record RequestPasswordResetPayload(List<UserError> errors) {
	}

	record CancelServiceAccountPayload(Account account, List<UserError> errors) {
	}

	record CloseAccountPayload(Account account, List<UserError> errors) {
	}

}
