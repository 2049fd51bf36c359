package org.onesignin.hub.registry.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;
import org.onesignin.hub.registry.Cancellation;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.PrivacyContact;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.springframework.stereotype.Component;

@Generated(
    value = "org.mapstruct.ap.MappingProcessor",
    date = "2026-11-22T04:31:36+0000",
    comments = "version: 1.6.3, compiler: javac, environment: Java 17.0.15 (Debian)"
)
@Component
class RegistryDocumentMapperImpl implements RegistryDocumentMapper {

    @Override
    public CompanyDocument toDocument(Company company) {
        if ( company == null ) {
            return null;
        }

        String id = null;
        String name = null;
        String jurisdiction = null;
        int digitalAgeOfConsent = 0;
        CompanyDocument.PrivacyContactDocument privacyContact = null;

        id = company.id();
        name = company.name();
        jurisdiction = company.jurisdiction();
        digitalAgeOfConsent = company.digitalAgeOfConsent();
        privacyContact = toDocument( company.privacyContact() );

        CompanyDocument companyDocument = new CompanyDocument( id, name, jurisdiction, digitalAgeOfConsent, privacyContact );

        return companyDocument;
    }

    @Override
    public Company toDomain(CompanyDocument document) {
        if ( document == null ) {
            return null;
        }

        String id = null;
        String name = null;
        String jurisdiction = null;
        int digitalAgeOfConsent = 0;
        PrivacyContact privacyContact = null;

        id = document.id();
        name = document.name();
        jurisdiction = document.jurisdiction();
        digitalAgeOfConsent = document.digitalAgeOfConsent();
        privacyContact = toDomain( document.privacyContact() );

        Company company = new Company( id, name, jurisdiction, digitalAgeOfConsent, privacyContact );

        return company;
    }

    @Override
    public CompanyDocument.PrivacyContactDocument toDocument(PrivacyContact contact) {
        if ( contact == null ) {
            return null;
        }

        String email = null;
        String postalAddress = null;
        String webForm = null;

        email = contact.email();
        postalAddress = contact.postalAddress();
        webForm = contact.webForm();

        CompanyDocument.PrivacyContactDocument privacyContactDocument = new CompanyDocument.PrivacyContactDocument( email, postalAddress, webForm );

        return privacyContactDocument;
    }

    @Override
    public PrivacyContact toDomain(CompanyDocument.PrivacyContactDocument document) {
        if ( document == null ) {
            return null;
        }

        String email = null;
        String postalAddress = null;
        String webForm = null;

        email = document.email();
        postalAddress = document.postalAddress();
        webForm = document.webForm();

        PrivacyContact privacyContact = new PrivacyContact( email, postalAddress, webForm );

        return privacyContact;
    }

    @Override
    public ServiceDocument toDocument(Service service) {
        if ( service == null ) {
            return null;
        }

        String id = null;
        String name = null;
        String controllerId = null;
        List<String> clientIds = null;
        Set<BasicDetailField> syncedFields = null;
        ServiceDocument.CancellationDocument cancellation = null;

        id = service.id();
        name = service.name();
        controllerId = service.controllerId();
        List<String> list = service.clientIds();
        if ( list != null ) {
            clientIds = new ArrayList<String>( list );
        }
        Set<BasicDetailField> set = service.syncedFields();
        if ( set != null ) {
            syncedFields = new LinkedHashSet<BasicDetailField>( set );
        }
        cancellation = toDocument( service.cancellation() );

        ServiceDocument serviceDocument = new ServiceDocument( id, name, controllerId, clientIds, syncedFields, cancellation );

        return serviceDocument;
    }

    @Override
    public Service toDomain(ServiceDocument document) {
        if ( document == null ) {
            return null;
        }

        String id = null;
        String name = null;
        String controllerId = null;
        List<String> clientIds = null;
        Set<BasicDetailField> syncedFields = null;
        Cancellation cancellation = null;

        id = document.id();
        name = document.name();
        controllerId = document.controllerId();
        List<String> list = document.clientIds();
        if ( list != null ) {
            clientIds = new ArrayList<String>( list );
        }
        Set<BasicDetailField> set = document.syncedFields();
        if ( set != null ) {
            syncedFields = new LinkedHashSet<BasicDetailField>( set );
        }
        cancellation = toDomain( document.cancellation() );

        Service service = new Service( id, name, controllerId, clientIds, syncedFields, cancellation );

        return service;
    }

    @Override
    public ServiceDocument.CancellationDocument toDocument(Cancellation cancellation) {
        if ( cancellation == null ) {
            return null;
        }

        String url = null;
        String instructions = null;

        url = cancellation.url();
        instructions = cancellation.instructions();

        ServiceDocument.CancellationDocument cancellationDocument = new ServiceDocument.CancellationDocument( url, instructions );

        return cancellationDocument;
    }

    @Override
    public Cancellation toDomain(ServiceDocument.CancellationDocument document) {
        if ( document == null ) {
            return null;
        }

        String url = null;
        String instructions = null;

        url = document.url();
        instructions = document.instructions();

        Cancellation cancellation = new Cancellation( url, instructions );

        return cancellation;
    }
}
