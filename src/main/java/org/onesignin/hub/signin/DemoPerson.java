package org.onesignin.hub.signin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onesignin.hub.account.AccountManagement;
import org.onesignin.hub.account.AccountView;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.DetailsPatch;
import org.onesignin.hub.account.RegisterAccountCommand;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.Outcome;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo person of the default run, whom the README names: an identity with a confirmed
 * address, registered through My Sony and linked to PlayStation Network, so the account
 * pages have someone to show at once. Created once, through the same use cases a partner
 * and the person would call, and only with demo data on.
 */
class DemoPerson {

	/** The demo person's sign-in email; published in the README. */
	static final String EMAIL = "demo@onesignin.example";

	/** The demo person's password; published in the README, like the demo agents'. */
	static final String PASSWORD = "a demo passphrase";

	private static final Logger log = LoggerFactory.getLogger(DemoPerson.class);

	private final AccountManagement management;

	private final Accounts accounts;

	private final RegistryManagement registry;

	DemoPerson(AccountManagement management, Accounts accounts, RegistryManagement registry) {
		this.management = management;
		this.accounts = accounts;
		this.registry = registry;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createOnce() {
		// the use cases admit signed-in callers only; here the hub acts as the callers it
		// names below, at start-up, with no request
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data", null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			create();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void create() {
		Optional<Service> mySony = this.registry.registry().service("my-sony");
		Optional<Service> psn = this.registry.registry().service("playstation-network");
		// the callers below act through each service's client named like the service, as
		// in the demo registry
		if (this.accounts.findBySignInEmail(EMAIL).isPresent() || mySony.filter(DemoPerson::hasOwnClient).isEmpty()
				|| psn.filter(DemoPerson::hasOwnClient).isEmpty()) {
			return;
		}
		DetailsPatch details = new DetailsPatch(
				Map.of(BasicDetailField.GIVEN_NAME, "Alex", BasicDetailField.FAMILY_NAME, "Example",
						BasicDetailField.COUNTRY, "GB", BasicDetailField.LANGUAGE, "en-GB"));
		// as My Sony registering someone whose address it verified
		Outcome<AccountView> registered = this.management.register(partner(mySony.get()),
				new RegisterAccountCommand(EMAIL, PASSWORD, "my-sony-demo", details, true));
		if (!(registered instanceof Outcome.Done<AccountView> done)) {
			// another instance sharing the store was first
			return;
		}
		// as the person, signed in through PlayStation Network's own client
		Outcome<AccountView> linked = this.management.linkServiceAccount(person(done.value().id(), psn.get()),
				psn.get().id(), "psn-demo");
		log.info("Demo person {} created ({}): the README gives the password", EMAIL, (linked instanceof Outcome.Done)
				? "linked to My Sony and PlayStation Network" : "linked to My Sony only");
	}

	private static boolean hasOwnClient(Service service) {
		return service.clientIds().contains(service.id());
	}

	private static Caller partner(Service service) {
		return new Caller(CallerKind.PARTNER_SERVICE, service.id(), service.id(), service.id(), service.controllerId(),
				false, null, null);
	}

	private static Caller person(String accountId, Service service) {
		return new Caller(CallerKind.USER, accountId, service.id(), service.id(), service.controllerId(), false, null,
				null);
	}

}
