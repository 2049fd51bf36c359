package org.onesignin.hub.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onesignin.hub.account.Account;
import org.onesignin.hub.account.AccountId;
import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.BasicDetails;
import org.onesignin.hub.account.LinkedAccount;
import org.onesignin.hub.caller.BearerTokens;
import org.onesignin.hub.caller.QuietBearerEntryPoint;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.registry.Service;
import org.onesignin.hub.shared.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's floor, in the hub's own process and only with the {@code bench} profile
 * (it lives in the test sources, so no build of the hub contains it): {@code GET
 * /bench/floor} checks the bearer token exactly as the API does ({@link BearerTokens}),
 * reads the caller's account document once, and answers the fields of the account pages'
 * {@code me} document as JSON, with no GraphQL, access rules or views. What {@code me}
 * costs above it is the price of the API.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchmarkFloor {

	@Bean
	@Order(1)
	SecurityFilterChain benchmarkFloorChain(HttpSecurity http, BearerTokens tokens) throws Exception {
		http.securityMatcher("/bench/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(tokens.forRequests())
				.authenticationEntryPoint(new QuietBearerEntryPoint()));
		return http.build();
	}

	@RestController
	@Profile("bench")
	static class Floor {

		private final Accounts accounts;

		private final RegistryManagement registry;

		Floor(Accounts accounts, RegistryManagement registry) {
			this.accounts = accounts;
			this.registry = registry;
		}

		@GetMapping("/bench/floor")
		ResponseEntity<Map<String, Object>> me(@AuthenticationPrincipal Caller caller) {
			Account account = this.accounts.findById(new AccountId(caller.subject())).orElse(null);
			if (account == null) {
				return ResponseEntity.notFound().build();
			}
			return ResponseEntity.ok(Map.of("data", Map.of("me", view(account, this.registry.registry()))));
		}

		private static Map<String, Object> view(Account account, Registry registry) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("id", account.id().value());
			me.put("signInEmail", account.signInEmail());
			me.put("emailVerified", account.credentials().emailVerified());
			me.put("pendingSignInEmail", account.pendingSignInEmail());
			me.put("status", account.status().name());
			me.put("revision", account.revision());
			BasicDetails details = account.details();
			Map<String, Object> basic = new LinkedHashMap<>();
			basic.put("givenName", details.givenName());
			basic.put("familyName", details.familyName());
			basic.put("email", details.email());
			basic.put("dateOfBirth", details.dateOfBirth());
			basic.put("country", details.country());
			basic.put("language", details.language());
			basic.put("phone", details.phone());
			basic.put("postalAddress", details.postalAddress());
			me.put("basicDetails", basic);
			List<Map<String, Object>> links = new ArrayList<>();
			for (LinkedAccount link : account.links()) {
				Service service = registry.service(link.serviceId()).orElse(null);
				Map<String, Object> linked = new LinkedHashMap<>();
				Map<String, Object> serviceView = new LinkedHashMap<>();
				serviceView.put("id", link.serviceId());
				serviceView.put("name", (service != null) ? service.name() : null);
				serviceView.put("controller",
						(service != null) ? registry.company(service.controllerId())
							.map((company) -> Map.of("id", company.id(), "name", company.name()))
							.orElse(null) : null);
				linked.put("service", serviceView);
				linked.put("serviceAccountId", link.serviceAccountId());
				linked.put("status", link.status().name());
				linked.put("linkedAt", link.linkedAt());
				linked.put("cancelledAt", link.cancelledAt());
				linked.put("syncState", account.syncState(link.serviceId()).name());
				linked.put("acknowledgedRevision", account.acknowledgedRevision(link.serviceId()));
				links.add(linked);
			}
			me.put("linkedAccounts", links);
			me.put("createdAt", account.createdAt());
			me.put("updatedAt", account.updatedAt());
			return me;
		}

	}

}
