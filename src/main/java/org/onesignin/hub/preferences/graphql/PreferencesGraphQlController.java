package org.onesignin.hub.preferences.graphql;

import org.onesignin.hub.preferences.Channel;
import org.onesignin.hub.preferences.ConsentManagement;
import org.onesignin.hub.preferences.ConsentQueries;
import org.onesignin.hub.preferences.PreferencesView;
import org.onesignin.hub.preferences.UnsubscribeLinks;
import org.onesignin.hub.preferences.ContactPermission;
import org.onesignin.hub.preferences.ContactPurpose;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.graphql.AccountSource;
import org.onesignin.hub.shared.graphql.Pages;
import org.onesignin.hub.shared.graphql.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Marketing preferences, consent records, unsubscribe and the contact gate over GraphQL.
 */
@Controller
class PreferencesGraphQlController {

	private final ConsentManagement consents;

	private final ConsentQueries queries;

	private final UnsubscribeLinks links;

	private final RegistryManagement registry;

	private final PreferencesGraphQlMapper mapper;

	private final int maxPageSize;

	PreferencesGraphQlController(ConsentManagement consents, ConsentQueries queries, UnsubscribeLinks links,
			RegistryManagement registry, PreferencesGraphQlMapper mapper,
			@Value("${hub.graphql.max-page-size:100}") int maxPageSize) {
		this.consents = consents;
		this.queries = queries;
		this.links = links;
		this.registry = registry;
		this.mapper = mapper;
		this.maxPageSize = maxPageSize;
	}

	/* In memory: resolved in place, no batch loader (see AccountGraphQlController). */
	@SchemaMapping(typeName = "ConsentRecord")
	Company company(PreferencesViews.ConsentRecord record) {
		return (record.companyId() != null) ? this.registry.registry().company(record.companyId()).orElse(null) : null;
	}

	/**
	 * Resolved per account, with the caller's scope: one ledger read per account shown.
	 */
	@SchemaMapping(typeName = "Account")
	PreferencesViews.MarketingPreferences marketingPreferences(@AuthenticationPrincipal Caller caller,
			AccountSource account, @LocalContextValue(required = false) String ticket) {
		return this.mapper.toView(this.queries.preferences(caller, account.id(), ticket));
	}

	@SchemaMapping(typeName = "Account")
	Window<PreferencesViews.ConsentRecord> consentHistory(@AuthenticationPrincipal Caller caller, AccountSource account,
			ScrollSubrange subrange) {
		return Pages.window(
				this.queries.consentHistory(caller, account.id(), Pages.request(subrange, this.maxPageSize)),
				this.mapper::toView);
	}

	@QueryMapping
	ContactPermission contactPermission(@AuthenticationPrincipal Caller caller, @Argument String accountId,
			@Argument String companyId, @Argument Channel channel, @Argument String address,
			@Argument ContactPurpose purpose) {
		return this.queries.contactPermission(caller, accountId, companyId, channel, address, purpose);
	}

	@QueryMapping
	String unsubscribeToken(@AuthenticationPrincipal Caller caller, @Argument String accountId,
			@Argument String companyId, @Argument String address) {
		return this.links.unsubscribeToken(caller, accountId, companyId, address);
	}

	@MutationMapping
	PreferencesViews.SetMarketingConsentPayload setMarketingConsent(@AuthenticationPrincipal Caller caller,
			@Argument PreferencesViews.SetMarketingConsentInput input) {
		Outcome<PreferencesView> outcome = this.consents.setMarketingConsent(caller, input.accountId(),
				input.companyId(), input.channel(), input.address(), input.state(), input.policyVersion(),
				input.ticket());
		return new PreferencesViews.SetMarketingConsentPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	PreferencesViews.SetGroupNewsConsentPayload setGroupNewsConsent(@AuthenticationPrincipal Caller caller,
			@Argument PreferencesViews.SetGroupNewsConsentInput input) {
		Outcome<PreferencesView> outcome = this.consents.setGroupNewsConsent(caller, input.accountId(), input.state(),
				input.policyVersion(), input.ticket());
		return new PreferencesViews.SetGroupNewsConsentPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	PreferencesViews.ObjectToProfilingPayload objectToProfiling(@AuthenticationPrincipal Caller caller,
			@Argument PreferencesViews.ObjectToProfilingInput input) {
		Outcome<PreferencesView> outcome = this.consents.objectToProfiling(caller, input.accountId(), input.objection(),
				input.policyVersion(), input.ticket());
		return new PreferencesViews.ObjectToProfilingPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	PreferencesViews.RecordGuardianConsentPayload recordGuardianConsent(@AuthenticationPrincipal Caller caller,
			@Argument PreferencesViews.RecordGuardianConsentInput input) {
		Outcome<PreferencesView> outcome = this.consents.recordGuardianConsent(caller, input.accountId(),
				input.companyId(), input.guardianName(), input.method(), input.ticket());
		return new PreferencesViews.RecordGuardianConsentPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	PreferencesViews.UnsubscribePayload unsubscribe(@Argument String token) {
		Outcome<UnsubscribeLinks.Unsubscribed> outcome = this.links.unsubscribe(token);
		UnsubscribeLinks.Unsubscribed done = outcome.valueOrNull();
		return new PreferencesViews.UnsubscribePayload((done != null) ? done.company() : null,
				(done != null) ? done.address() : null, UserError.of(outcome.rejections()));
	}

	private PreferencesViews.MarketingPreferences view(Outcome<PreferencesView> outcome) {
		PreferencesView view = outcome.valueOrNull();
		return (view != null) ? this.mapper.toView(view) : null;
	}

}
