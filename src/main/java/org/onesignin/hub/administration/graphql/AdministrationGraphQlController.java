package org.onesignin.hub.administration.graphql;

import java.util.List;
import java.util.Set;

import org.onesignin.hub.administration.CompanyPatch;
import org.onesignin.hub.administration.RegisteredService;
import org.onesignin.hub.administration.RegistryAdministration;
import org.onesignin.hub.administration.RegistryQueries;
import org.onesignin.hub.administration.ServiceEntry;
import org.onesignin.hub.administration.ServicePatch;
import org.onesignin.hub.registry.Cancellation;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.PrivacyContact;
import org.onesignin.hub.registry.RegistryChange;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.registry.SignInClient;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.graphql.Pages;
import org.onesignin.hub.shared.graphql.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Registry administration over GraphQL: each method one {@link RegistryAdministration} or
 * {@link RegistryQueries} call and its mapping.
 */
@Controller
class AdministrationGraphQlController {

	private final RegistryAdministration administration;

	private final RegistryQueries queries;

	private final int maxPageSize;

	AdministrationGraphQlController(RegistryAdministration administration, RegistryQueries queries,
			@Value("${hub.graphql.max-page-size:100}") int maxPageSize) {
		this.administration = administration;
		this.queries = queries;
		this.maxPageSize = maxPageSize;
	}

	@QueryMapping
	ServiceRegistration serviceRegistration(@AuthenticationPrincipal Caller caller, @Argument String serviceId) {
		return this.queries.service(caller, serviceId).map(ServiceRegistration::of).orElse(null);
	}

	@QueryMapping
	Window<RegistryChange> registryChanges(@AuthenticationPrincipal Caller caller, ScrollSubrange subrange) {
		// the log's entries are plain values already shaped like the schema's type
		return Pages.window(this.queries.changes(caller, Pages.request(subrange, this.maxPageSize)),
				(change) -> change);
	}

	@MutationMapping
	CreateServicePayload createService(@AuthenticationPrincipal Caller caller, @Argument CreateServiceInput input) {
		Outcome<RegisteredService> outcome = this.administration.createService(caller,
				new ServiceEntry(input.id(), input.name(), input.controllerId(), Set.copyOf(input.syncedFields()),
						clients(input.clients()), cancellation(input.cancellation()),
						Boolean.TRUE.equals(input.verifiesEmails()),
						(input.webhook() != null) ? input.webhook().url() : null));
		return new CreateServicePayload(ServiceRegistration.of(outcome.valueOrNull()),
				UserError.of(outcome.rejections()));
	}

	@MutationMapping
	UpdateServicePayload updateService(@AuthenticationPrincipal Caller caller, @Argument UpdateServiceInput input) {
		ArgumentValue<WebhookInput> webhook = input.webhook();
		Outcome<RegisteredService> outcome = this.administration.updateService(caller,
				new ServicePatch(input.serviceId(), input.name(),
						(input.syncedFields() != null) ? Set.copyOf(input.syncedFields()) : null,
						(input.clients() != null) ? clients(input.clients()) : null, cancellation(input.cancellation()),
						input.verifiesEmails(), webhook.isPresent(),
						(webhook.value() != null) ? webhook.value().url() : null));
		return new UpdateServicePayload(ServiceRegistration.of(outcome.valueOrNull()),
				UserError.of(outcome.rejections()));
	}

	@MutationMapping
	UpdateCompanyPayload updateCompany(@AuthenticationPrincipal Caller caller, @Argument UpdateCompanyInput input) {
		PrivacyContactInput contact = input.privacyContact();
		PrivacyPolicyInput policy = input.privacyPolicy();
		Outcome<Company> outcome = this.administration.updateCompany(caller,
				new CompanyPatch(input.companyId(), input.name(), input.digitalAgeOfConsent(), (contact != null)
						? new PrivacyContact(contact.email(), contact.postalAddress(), contact.webForm()) : null,
						(policy != null) ? policy.url() : null, (policy != null) ? policy.currentVersion() : null));
		return new UpdateCompanyPayload(outcome.valueOrNull(), UserError.of(outcome.rejections()));
	}

	private static List<SignInClient> clients(List<SignInClientInput> inputs) {
		return inputs.stream()
			.map((c) -> new SignInClient(c.id(), c.type(), c.redirectUris(), c.postLogoutRedirectUris()))
			.toList();
	}

	private static Cancellation cancellation(CancellationInput input) {
		return (input != null) ? new Cancellation(input.url(), input.instructions()) : null;
	}

	record SignInClientInput(String id, SignInClient.Type type, List<String> redirectUris,
			List<String> postLogoutRedirectUris) {
	}

	record CancellationInput(String url, String instructions) {
	}

	record WebhookInput(String url) {
	}

	record CreateServiceInput(String id, String name, String controllerId, List<BasicDetailField> syncedFields,
			List<SignInClientInput> clients, CancellationInput cancellation, Boolean verifiesEmails,
			WebhookInput webhook) {
	}

	record UpdateServiceInput(String serviceId, String name, List<BasicDetailField> syncedFields,
			List<SignInClientInput> clients, CancellationInput cancellation, Boolean verifiesEmails,
			ArgumentValue<WebhookInput> webhook) {
	}

	record PrivacyContactInput(String email, String postalAddress, String webForm) {
	}

	record PrivacyPolicyInput(String url, String currentVersion) {
	}

	record UpdateCompanyInput(String companyId, String name, Integer digitalAgeOfConsent,
			PrivacyContactInput privacyContact, PrivacyPolicyInput privacyPolicy) {
	}

	/** The schema's ServiceRegistration. */
	record ServiceRegistration(Service service, List<SignInClient> clients, boolean verifiesEmails, String webhookUrl) {

		static ServiceRegistration of(RegisteredService registered) {
			return (registered != null) ? new ServiceRegistration(registered.service(), registered.clients(),
					registered.service().verifiesEmails(), registered.service().webhookUrl()) : null;
		}

	}

	record CreateServicePayload(ServiceRegistration service, List<UserError> errors) {
	}

	record UpdateServicePayload(ServiceRegistration service, List<UserError> errors) {
	}

	record UpdateCompanyPayload(Company company, List<UserError> errors) {
	}

}
