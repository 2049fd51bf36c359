package org.onesignin.hub.account.graphql;

import org.onesignin.hub.account.AccountManagement;
import org.onesignin.hub.account.AccountQueries;
import org.onesignin.hub.account.AccountView;
import org.onesignin.hub.account.CredentialManagement;
import org.onesignin.hub.account.RegisterAccountCommand;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.graphql.Pages;
import org.onesignin.hub.shared.graphql.UserError;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Accounts over GraphQL: each handler is one {@link AccountManagement} call and one
 * mapping.
 */
@Controller
class AccountGraphQlController {

	private final AccountManagement accounts;

	private final AccountQueries queries;

	private final CredentialManagement credentials;

	private final RegistryManagement registry;

	private final AccountGraphQlMapper mapper;

	private final int maxPageSize;

	AccountGraphQlController(AccountManagement accounts, AccountQueries queries, CredentialManagement credentials,
			RegistryManagement registry, AccountGraphQlMapper mapper,
			@Value("${hub.graphql.max-page-size:100}") int maxPageSize) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.queries = queries;
		this.registry = registry;
		this.mapper = mapper;
		this.maxPageSize = maxPageSize;
	}

	@QueryMapping
	AccountViews.Account me(@AuthenticationPrincipal Caller caller) {
		return this.queries.me(caller).map(this.mapper::toView).orElse(null);
	}

	@QueryMapping
	DataFetcherResult<AccountViews.Account> account(@AuthenticationPrincipal Caller caller, @Argument String id,
			@Argument String ticket) {
		AccountViews.Account account = this.mapper.toView(this.queries.account(caller, id, ticket));
		// the fields below (preferences) are read for the same ticket, and logged with it
		GraphQLContext context = (ticket != null) ? GraphQLContext.newContext().of("ticket", ticket).build()
				: GraphQLContext.newContext().build();
		return DataFetcherResult.<AccountViews.Account>newResult().data(account).localContext(context).build();
	}

	@MutationMapping
	AccountViews.RegisterAccountPayload registerAccount(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.RegisterAccountInput input) {
		Outcome<AccountView> outcome = this.accounts.register(caller,
				new RegisterAccountCommand(input.email(), input.password(), input.serviceAccountId(),
						this.mapper.toPatch(input.basicDetails()), Boolean.TRUE.equals(input.emailVerified())));
		return new AccountViews.RegisterAccountPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	AccountViews.UpdateBasicDetailsPayload updateBasicDetails(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.UpdateBasicDetailsInput input) {
		Outcome<AccountView> outcome = this.accounts.updateBasicDetails(caller, input.accountId(),
				input.expectedRevision(), this.mapper.toPatch(input), input.ticket());
		return new AccountViews.UpdateBasicDetailsPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	AccountViews.ChangeSignInEmailPayload changeSignInEmail(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.ChangeSignInEmailInput input) {
		Outcome<AccountView> outcome = this.accounts.changeSignInEmail(caller, input.accountId(),
				input.expectedRevision(), input.newEmail(), input.ticket());
		return new AccountViews.ChangeSignInEmailPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	AccountViews.ChangePasswordPayload changePassword(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.ChangePasswordInput input) {
		Outcome<AccountView> outcome = this.accounts.changePassword(caller, input.currentPassword(),
				input.newPassword());
		return new AccountViews.ChangePasswordPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	AccountViews.RequestPasswordResetPayload requestPasswordReset(
			@Argument AccountInputs.RequestPasswordResetInput input) {
		return new AccountViews.RequestPasswordResetPayload(
				UserError.of(this.credentials.requestPasswordReset(input.email())));
	}

	@MutationMapping
	AccountViews.LinkServiceAccountPayload linkServiceAccount(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.LinkServiceAccountInput input) {
		Outcome<AccountView> outcome = this.accounts.linkServiceAccount(caller, input.serviceId(),
				input.serviceAccountId());
		return new AccountViews.LinkServiceAccountPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@QueryMapping
	Window<AccountViews.Account> searchAccounts(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.AccountSearchInput query, @Argument String ticket, ScrollSubrange subrange) {
		return Pages.window(this.queries.searchAccounts(caller, query.email(), query.phone(), query.name(), ticket,
				Pages.request(subrange, this.maxPageSize)), this.mapper::toView);
	}

	@MutationMapping
	AccountViews.CancelServiceAccountPayload cancelServiceAccount(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.CancelServiceAccountInput input) {
		Outcome<AccountView> outcome = this.accounts.cancelServiceAccount(caller, input.accountId(), input.serviceId(),
				input.reason(), input.ticket());
		return new AccountViews.CancelServiceAccountPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@MutationMapping
	AccountViews.CloseAccountPayload closeAccount(@AuthenticationPrincipal Caller caller,
			@Argument AccountInputs.CloseAccountInput input) {
		Outcome<AccountView> outcome = this.accounts.closeAccount(caller);
		return new AccountViews.CloseAccountPayload(view(outcome), UserError.of(outcome.rejections()));
	}

	@SchemaMapping(typeName = "Account")
	Window<AccountViews.Change> changeHistory(@AuthenticationPrincipal Caller caller, AccountViews.Account account,
			ScrollSubrange subrange) {
		return Pages.window(this.queries.changeHistory(caller, account.id(), Pages.request(subrange, this.maxPageSize)),
				this.mapper::toView);
	}

	/*
	 * The registry is in memory: a field of it is a map lookup, resolved in place. A
	 * batch loader would cost more than the lookup (issue 10's profile) and saves no
	 * store read.
	 */

	@SchemaMapping(typeName = "LinkedAccount")
	Service service(AccountViews.LinkedAccount link) {
		return this.registry.registry().service(link.serviceId()).orElseThrow();
	}

	@SchemaMapping(typeName = "LinkedAccount")
	Company cancelledBy(AccountViews.LinkedAccount link) {
		return (link.cancelledById() != null) ? this.registry.registry().company(link.cancelledById()).orElseThrow()
				: null;
	}

	private AccountViews.Account view(Outcome<AccountView> outcome) {
		return (outcome instanceof Outcome.Done<AccountView> done) ? this.mapper.toView(done.value()) : null;
	}

}
