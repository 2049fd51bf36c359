package org.onesignin.hub.registry.persistence;

import org.mapstruct.Mapper;
import org.onesignin.hub.shared.mapping.HubMapperConfig;
import org.onesignin.hub.registry.Cancellation;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.PrivacyContact;
import org.onesignin.hub.registry.PrivacyPolicy;
import org.onesignin.hub.registry.RegistryChange;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.registry.SignInClient;

@Mapper(config = HubMapperConfig.class)
interface RegistryDocumentMapper {

	CompanyDocument toDocument(Company company);

	Company toDomain(CompanyDocument document);

	CompanyDocument.PrivacyContactDocument toDocument(PrivacyContact contact);

	PrivacyContact toDomain(CompanyDocument.PrivacyContactDocument document);

	CompanyDocument.PrivacyPolicyDocument toDocument(PrivacyPolicy policy);

	PrivacyPolicy toDomain(CompanyDocument.PrivacyPolicyDocument document);

	ServiceDocument toDocument(Service service);

	Service toDomain(ServiceDocument document);

	ServiceDocument.CancellationDocument toDocument(Cancellation cancellation);

	Cancellation toDomain(ServiceDocument.CancellationDocument document);

	SignInClientDocument toDocument(SignInClient client);

	SignInClient toDomain(SignInClientDocument document);

	RegistryChangeDocument toDocument(RegistryChange change);

	RegistryChange toDomain(RegistryChangeDocument document);

}
