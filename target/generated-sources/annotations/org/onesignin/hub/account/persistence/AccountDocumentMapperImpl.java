package org.onesignin.hub.account.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;
import org.onesignin.hub.account.BasicDetails;
import org.onesignin.hub.account.ChangeHistoryEntry;
import org.onesignin.hub.account.LinkStatus;
import org.onesignin.hub.account.LinkedAccount;
import org.onesignin.hub.account.PostalAddress;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.ChangeOrigin;
import org.springframework.stereotype.Component;

@Generated(
    value = "org.mapstruct.ap.MappingProcessor",
    date = "2026-11-22T04:31:36+0000",
    comments = "version: 1.6.3, compiler: javac, environment: Java 17.0.15 (Debian)"
)
@Component
class AccountDocumentMapperImpl implements AccountDocumentMapper {

    @Override
    public BasicDetails toDomain(AccountDocument.BasicDetailsDocument document) {
        if ( document == null ) {
            return null;
        }

        String givenName = null;
        String familyName = null;
        String email = null;
        LocalDate dateOfBirth = null;
        String country = null;
        String language = null;
        String phone = null;
        PostalAddress postalAddress = null;

        givenName = document.givenName();
        familyName = document.familyName();
        email = document.email();
        dateOfBirth = document.dateOfBirth();
        country = document.country();
        language = document.language();
        phone = document.phone();
        postalAddress = toDomain( document.postalAddress() );

        BasicDetails basicDetails = new BasicDetails( givenName, familyName, email, dateOfBirth, country, language, phone, postalAddress );

        return basicDetails;
    }

    @Override
    public AccountDocument.BasicDetailsDocument toDocument(BasicDetails details) {
        if ( details == null ) {
            return null;
        }

        String givenName = null;
        String familyName = null;
        String email = null;
        LocalDate dateOfBirth = null;
        String country = null;
        String language = null;
        String phone = null;
        AccountDocument.PostalAddressDocument postalAddress = null;

        givenName = details.givenName();
        familyName = details.familyName();
        email = details.email();
        dateOfBirth = details.dateOfBirth();
        country = details.country();
        language = details.language();
        phone = details.phone();
        postalAddress = toDocument( details.postalAddress() );

        AccountDocument.BasicDetailsDocument basicDetailsDocument = new AccountDocument.BasicDetailsDocument( givenName, familyName, email, dateOfBirth, country, language, phone, postalAddress );

        return basicDetailsDocument;
    }

    @Override
    public PostalAddress toDomain(AccountDocument.PostalAddressDocument document) {
        if ( document == null ) {
            return null;
        }

        String streetAddress = null;
        String locality = null;
        String region = null;
        String postalCode = null;
        String country = null;

        streetAddress = document.streetAddress();
        locality = document.locality();
        region = document.region();
        postalCode = document.postalCode();
        country = document.country();

        PostalAddress postalAddress = new PostalAddress( streetAddress, locality, region, postalCode, country );

        return postalAddress;
    }

    @Override
    public AccountDocument.PostalAddressDocument toDocument(PostalAddress address) {
        if ( address == null ) {
            return null;
        }

        String streetAddress = null;
        String locality = null;
        String region = null;
        String postalCode = null;
        String country = null;

        streetAddress = address.streetAddress();
        locality = address.locality();
        region = address.region();
        postalCode = address.postalCode();
        country = address.country();

        AccountDocument.PostalAddressDocument postalAddressDocument = new AccountDocument.PostalAddressDocument( streetAddress, locality, region, postalCode, country );

        return postalAddressDocument;
    }

    @Override
    public List<LinkedAccount> toLinks(List<AccountDocument.LinkDocument> documents) {
        if ( documents == null ) {
            return null;
        }

        List<LinkedAccount> list = new ArrayList<LinkedAccount>( documents.size() );
        for ( AccountDocument.LinkDocument linkDocument : documents ) {
            list.add( toDomain( linkDocument ) );
        }

        return list;
    }

    @Override
    public List<AccountDocument.LinkDocument> toLinkDocuments(List<LinkedAccount> links) {
        if ( links == null ) {
            return null;
        }

        List<AccountDocument.LinkDocument> list = new ArrayList<AccountDocument.LinkDocument>( links.size() );
        for ( LinkedAccount linkedAccount : links ) {
            list.add( toDocument( linkedAccount ) );
        }

        return list;
    }

    @Override
    public LinkedAccount toDomain(AccountDocument.LinkDocument document) {
        if ( document == null ) {
            return null;
        }

        String serviceId = null;
        String serviceAccountId = null;
        LinkStatus status = null;
        Instant linkedAt = null;
        Instant cancelledAt = null;
        String cancelledBy = null;

        serviceId = document.serviceId();
        serviceAccountId = document.serviceAccountId();
        status = document.status();
        linkedAt = document.linkedAt();
        cancelledAt = document.cancelledAt();
        cancelledBy = document.cancelledBy();

        LinkedAccount linkedAccount = new LinkedAccount( serviceId, serviceAccountId, status, linkedAt, cancelledAt, cancelledBy );

        return linkedAccount;
    }

    @Override
    public AccountDocument.LinkDocument toDocument(LinkedAccount link) {
        if ( link == null ) {
            return null;
        }

        String serviceId = null;
        String serviceAccountId = null;
        LinkStatus status = null;
        Instant linkedAt = null;
        Instant cancelledAt = null;
        String cancelledBy = null;

        serviceId = link.serviceId();
        serviceAccountId = link.serviceAccountId();
        status = link.status();
        linkedAt = link.linkedAt();
        cancelledAt = link.cancelledAt();
        cancelledBy = link.cancelledBy();

        AccountDocument.LinkDocument linkDocument = new AccountDocument.LinkDocument( serviceId, serviceAccountId, status, linkedAt, cancelledAt, cancelledBy );

        return linkDocument;
    }

    @Override
    public ChangeOrigin toDomain(AccountDocument.OriginDocument document) {
        if ( document == null ) {
            return null;
        }

        CallerKind actorKind = null;
        String actorId = null;
        String companyId = null;
        String serviceId = null;
        String ticket = null;

        actorKind = document.actorKind();
        actorId = document.actorId();
        companyId = document.companyId();
        serviceId = document.serviceId();
        ticket = document.ticket();

        ChangeOrigin changeOrigin = new ChangeOrigin( actorKind, actorId, companyId, serviceId, ticket );

        return changeOrigin;
    }

    @Override
    public AccountDocument.OriginDocument toDocument(ChangeOrigin origin) {
        if ( origin == null ) {
            return null;
        }

        CallerKind actorKind = null;
        String actorId = null;
        String companyId = null;
        String serviceId = null;
        String ticket = null;

        actorKind = origin.actorKind();
        actorId = origin.actorId();
        companyId = origin.companyId();
        serviceId = origin.serviceId();
        ticket = origin.ticket();

        AccountDocument.OriginDocument originDocument = new AccountDocument.OriginDocument( actorKind, actorId, companyId, serviceId, ticket );

        return originDocument;
    }

    @Override
    public AccountDocument.ServiceChangeDocument toDocument(ServiceChange change) {
        if ( change == null ) {
            return null;
        }

        String eventId = null;
        String type = null;
        String accountId = null;
        String serviceId = null;
        String serviceAccountId = null;
        int revision = 0;
        Instant time = null;
        List<BasicDetailField> changedFields = null;
        Map<String, Object> data = null;
        AccountDocument.OriginDocument origin = null;

        eventId = change.id();
        type = change.type();
        accountId = change.accountId();
        serviceId = change.serviceId();
        serviceAccountId = change.serviceAccountId();
        revision = change.revision();
        time = change.time();
        List<BasicDetailField> list = change.changedFields();
        if ( list != null ) {
            changedFields = new ArrayList<BasicDetailField>( list );
        }
        Map<String, Object> map = change.data();
        if ( map != null ) {
            data = new LinkedHashMap<String, Object>( map );
        }
        origin = toDocument( change.origin() );

        AccountDocument.ServiceChangeDocument serviceChangeDocument = new AccountDocument.ServiceChangeDocument( eventId, type, accountId, serviceId, serviceAccountId, revision, time, changedFields, data, origin );

        return serviceChangeDocument;
    }

    @Override
    public List<AccountDocument.ServiceChangeDocument> toChangeDocuments(List<ServiceChange> changes) {
        if ( changes == null ) {
            return null;
        }

        List<AccountDocument.ServiceChangeDocument> list = new ArrayList<AccountDocument.ServiceChangeDocument>( changes.size() );
        for ( ServiceChange serviceChange : changes ) {
            list.add( toDocument( serviceChange ) );
        }

        return list;
    }

    @Override
    public ServiceChange toDomain(AccountDocument.ServiceChangeDocument document) {
        if ( document == null ) {
            return null;
        }

        String id = null;
        String type = null;
        String accountId = null;
        String serviceId = null;
        String serviceAccountId = null;
        int revision = 0;
        Instant time = null;
        List<BasicDetailField> changedFields = null;
        Map<String, Object> data = null;
        ChangeOrigin origin = null;

        id = document.eventId();
        type = document.type();
        accountId = document.accountId();
        serviceId = document.serviceId();
        serviceAccountId = document.serviceAccountId();
        revision = document.revision();
        time = document.time();
        List<BasicDetailField> list = document.changedFields();
        if ( list != null ) {
            changedFields = new ArrayList<BasicDetailField>( list );
        }
        Map<String, Object> map = document.data();
        if ( map != null ) {
            data = new LinkedHashMap<String, Object>( map );
        }
        origin = toDomain( document.origin() );

        ServiceChange serviceChange = new ServiceChange( id, type, accountId, serviceId, serviceAccountId, revision, time, changedFields, data, origin );

        return serviceChange;
    }

    @Override
    public AccountDocument.HistoryDocument toPendingDocument(ChangeHistoryEntry entry) {
        if ( entry == null ) {
            return null;
        }

        String entryId = null;
        String accountId = null;
        int revision = 0;
        BasicDetailField field = null;
        String before = null;
        String after = null;
        AccountDocument.OriginDocument origin = null;
        Instant time = null;

        entryId = entry.id();
        accountId = entry.accountId();
        revision = entry.revision();
        field = entry.field();
        before = entry.before();
        after = entry.after();
        origin = toDocument( entry.origin() );
        time = entry.time();

        AccountDocument.HistoryDocument historyDocument = new AccountDocument.HistoryDocument( entryId, accountId, revision, field, before, after, origin, time );

        return historyDocument;
    }

    @Override
    public ChangeHistoryEntry toDomain(AccountDocument.HistoryDocument document) {
        if ( document == null ) {
            return null;
        }

        String id = null;
        String accountId = null;
        int revision = 0;
        BasicDetailField field = null;
        String before = null;
        String after = null;
        ChangeOrigin origin = null;
        Instant time = null;

        id = document.entryId();
        accountId = document.accountId();
        revision = document.revision();
        field = document.field();
        before = document.before();
        after = document.after();
        origin = toDomain( document.origin() );
        time = document.time();

        ChangeHistoryEntry changeHistoryEntry = new ChangeHistoryEntry( id, accountId, revision, field, before, after, origin, time );

        return changeHistoryEntry;
    }

    @Override
    public HistoryEntryDocument toDocument(ChangeHistoryEntry entry) {
        if ( entry == null ) {
            return null;
        }

        String id = null;
        String accountId = null;
        int revision = 0;
        BasicDetailField field = null;
        String before = null;
        String after = null;
        AccountDocument.OriginDocument origin = null;
        Instant time = null;

        id = entry.id();
        accountId = entry.accountId();
        revision = entry.revision();
        field = entry.field();
        before = entry.before();
        after = entry.after();
        origin = toDocument( entry.origin() );
        time = entry.time();

        HistoryEntryDocument historyEntryDocument = new HistoryEntryDocument( id, accountId, revision, field, before, after, origin, time );

        return historyEntryDocument;
    }

    @Override
    public ChangeHistoryEntry toDomain(HistoryEntryDocument document) {
        if ( document == null ) {
            return null;
        }

        String id = null;
        String accountId = null;
        int revision = 0;
        BasicDetailField field = null;
        String before = null;
        String after = null;
        ChangeOrigin origin = null;
        Instant time = null;

        id = document.id();
        accountId = document.accountId();
        revision = document.revision();
        field = document.field();
        before = document.before();
        after = document.after();
        origin = toDomain( document.origin() );
        time = document.time();

        ChangeHistoryEntry changeHistoryEntry = new ChangeHistoryEntry( id, accountId, revision, field, before, after, origin, time );

        return changeHistoryEntry;
    }
}
