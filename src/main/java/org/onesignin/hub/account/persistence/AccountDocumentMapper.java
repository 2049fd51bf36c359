package org.onesignin.hub.account.persistence;

import java.util.List;
import java.util.Map;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.Credentials;
import org.onesignin.hub.mail.Mail;
import org.onesignin.hub.account.BasicDetails;
import org.onesignin.hub.account.BasicDetailsValidation;
import org.onesignin.hub.account.ChangeHistoryEntry;
import org.onesignin.hub.account.LinkedAccount;
import org.onesignin.hub.account.PostalAddress;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.shared.mapping.HubMapperConfig;
import org.onesignin.hub.shared.ChangeOrigin;

@Mapper(config = HubMapperConfig.class)
interface AccountDocumentMapper {

	default Account toDomain(AccountDocument document) {
		return new Account(new AccountId(document.id()), document.passwordHash(), toDomain(document.credentials()),
				document.status(), document.revision(), document.version(), toDomain(document.details()),
				toLinks(document.links()), orEmpty(document.emittedRevisions()),
				orEmpty(document.acknowledgedRevisions()), document.createdAt(), document.updatedAt(),
				document.closedAt());
	}

	default AccountDocument toDocument(Account account, List<ServiceChange> outbox, List<Mail> mails) {
		return new AccountDocument(account.id().value(),
				signInEmailKey(account.id(), account.credentials(), account.signInEmail()),
				BasicDetailsValidation.emailKey(account.signInEmail()), account.passwordHash(),
				toDocument(account.credentials()), account.status(), account.revision(), account.version(),
				toDocument(account.details()), toLinkDocuments(account.links()), account.emittedRevisions(),
				account.acknowledgedRevisions(), toChangeDocuments(outbox), List.of(), toMailDocuments(mails),
				account.createdAt(), account.updatedAt(), account.closedAt(), null, outbox.isEmpty() ? null : true,
				mails.isEmpty() ? null : true);
	}

	/**
	 * The unique key an identity holds: its address once verified, a key of its own
	 * before.
	 */
	static String signInEmailKey(AccountId id, Credentials credentials, String email) {
		return credentials.emailVerified() ? BasicDetailsValidation.emailKey(email) : "unverified:" + id.value();
	}

	default Credentials toDomain(AccountDocument.CredentialsDocument document) {
		if (document == null) {
			return Credentials.VERIFIED;
		}
		return new Credentials(document.emailVerified() == null || document.emailVerified(),
				toDomain(document.emailConfirmation()), toDomain(document.passwordReset()),
				Boolean.TRUE.equals(document.claimPending()));
	}

	AccountDocument.CredentialsDocument toDocument(Credentials credentials);

	Credentials.Confirmation toDomain(AccountDocument.ConfirmationDocument document);

	AccountDocument.ConfirmationDocument toDocument(Credentials.Confirmation confirmation);

	default List<AccountDocument.MailDocument> toMailDocuments(List<Mail> mails) {
		return mails.stream()
			.map((mail) -> new AccountDocument.MailDocument(java.util.UUID.randomUUID().toString(), mail.kind(),
					mail.to(), mail.language(), mail.values()))
			.toList();
	}

	default Accounts.PendingMail toDomain(AccountDocument.MailDocument document) {
		return new Accounts.PendingMail(document.mailId(), new Mail(document.kind(), document.to(), document.language(),
				(document.values() != null) ? document.values() : Map.of()));
	}

	BasicDetails toDomain(AccountDocument.BasicDetailsDocument document);

	AccountDocument.BasicDetailsDocument toDocument(BasicDetails details);

	PostalAddress toDomain(AccountDocument.PostalAddressDocument document);

	AccountDocument.PostalAddressDocument toDocument(PostalAddress address);

	List<LinkedAccount> toLinks(List<AccountDocument.LinkDocument> documents);

	List<AccountDocument.LinkDocument> toLinkDocuments(List<LinkedAccount> links);

	LinkedAccount toDomain(AccountDocument.LinkDocument document);

	AccountDocument.LinkDocument toDocument(LinkedAccount link);

	ChangeOrigin toDomain(AccountDocument.OriginDocument document);

	AccountDocument.OriginDocument toDocument(ChangeOrigin origin);

	@Mapping(target = "eventId", source = "id")
	AccountDocument.ServiceChangeDocument toDocument(ServiceChange change);

	List<AccountDocument.ServiceChangeDocument> toChangeDocuments(List<ServiceChange> changes);

	@Mapping(target = "id", source = "eventId")
	ServiceChange toDomain(AccountDocument.ServiceChangeDocument document);

	@Mapping(target = "entryId", source = "id")
	AccountDocument.HistoryDocument toPendingDocument(ChangeHistoryEntry entry);

	@Mapping(target = "id", source = "entryId")
	ChangeHistoryEntry toDomain(AccountDocument.HistoryDocument document);

	HistoryEntryDocument toDocument(ChangeHistoryEntry entry);

	ChangeHistoryEntry toDomain(HistoryEntryDocument document);

	private static Map<String, Integer> orEmpty(Map<String, Integer> map) {
		return (map != null) ? map : Map.of();
	}

}
