package org.onesignin.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.support.HubIntegrationTest;
import org.onesignin.hub.support.ServiceAccount;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query and mutation the clients send (the documents in
 * {@code graphql/operations/}) as every caller kind, against one person linked to three
 * services of three companies: no answer ever shows a basic-detail field, a link or a
 * company's consent outside what that caller may see. Refusals are fine; a leak is not.
 */
class OperationViewsIntegrationTests extends HubIntegrationTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/** Destructive documents run last, so every other document sees the full person. */
	private static final List<String> LAST = List.of("account-pages/cancelMyServiceAccount",
			"partner/cancelServiceAccount", "support/cancelServiceAccount", "account-pages/closeMyAccount");

	@Test
	void showsThePersonThroughAServiceOnlyThatServicesView() {
		Person person = aLinkedPerson();
		View view = partnerView("sony-music");

		walkEveryOperation(this.jwts.user(person.id(), "sony-music"), person, "sony-music", "sony-music", view);
	}

	@Test
	void showsAPartnerServiceOnlyItsEntitledFieldsItsLinkAndItsCompany() {
		Person person = aLinkedPerson();
		View view = partnerView("sony-music");

		walkEveryOperation(this.jwts.partner("sony-music"), person, "sony-music", "sony-music", view);
	}

	@Test
	void showsAnotherPartnerServiceOnlyItsOwnView() {
		Person person = aLinkedPerson();
		View view = partnerView("playstation-network");

		walkEveryOperation(this.jwts.partner("playstation-network"), person, "playstation-network", "sony-interactive",
				view);
	}

	@Test
	void showsASupportAgentOnlyItsCompanysLinksAndConsent() {
		Person person = aLinkedPerson();
		View view = new View(allFields(), Set.of("playstation-network"), Set.of("sony-interactive"));

		walkEveryOperation(this.jwts.supportAgent("agent-si", "sony-interactive"), person, "playstation-network",
				"sony-interactive", view);
	}

	@Test
	void showsAnotherCompanysSupportAgentOnlyItsOwnCompany() {
		Person person = aLinkedPerson();
		View view = new View(allFields(), Set.of("my-sony"), Set.of("sony-europe"));

		walkEveryOperation(this.jwts.supportAgent("agent-se", "sony-europe"), person, "my-sony", "sony-europe", view);
	}

	@Test
	void showsTheOwnerOnTheAccountPagesEverythingOfTheirOwn() {
		Person person = aLinkedPerson();
		View view = new View(allFields(), Set.of("playstation-network", "sony-music", "my-sony"),
				Set.of("sony-europe", "sony-interactive", "sony-music", "sony-electronics"));

		walkEveryOperation(this.jwts.user(person.id(), "account-pages"), person, "my-sony", "sony-europe", view);
	}

	@Test
	void showsAnAnonymousCallerNothingOfAnyone() {
		Person person = aLinkedPerson();

		Walk walk = walk(null, person, "my-sony", "sony-europe", new View(Set.of(), Set.of(), Set.of()));

		assertThat(walk.leaks).as("fields outside the caller's view").isEmpty();
		assertThat(walk.detailsSeen).as("answers that showed basic details").isZero();
	}

	@Test
	void showsAnAdministratorNothingOfAnyone() {
		Person person = aLinkedPerson();

		Walk walk = walk(this.jwts.administrator("admin-walk"), person, "my-sony", "sony-europe",
				new View(Set.of(), Set.of(), Set.of()));

		assertThat(walk.leaks).as("fields outside the caller's view").isEmpty();
		assertThat(walk.detailsSeen).as("answers that showed basic details").isZero();
	}

	/**
	 * Sends every document as the caller, then walks each answer. It fails if any answer
	 * leaks, or if the caller never saw an account's details at all (a walk that looked
	 * at nothing proves nothing).
	 */
	private void walkEveryOperation(String token, Person person, String serviceId, String companyId, View view) {
		Walk walk = walk(token, person, serviceId, companyId, view);

		assertThat(walk.leaks).as("fields outside the caller's view").isEmpty();
		assertThat(walk.detailsSeen).as("answers that showed basic details").isPositive();
	}

	private Walk walk(String token, Person person, String serviceId, String companyId, View view) {
		Walk walk = new Walk(view);
		for (String document : documents()) {
			Map<String, Object> variables = variablesFor(document, person, serviceId, companyId);
			Map<String, Object> answer = post(token, document, variables);
			walk.visit(document, answer.get("data"));
		}
		return walk;
	}

	private Map<String, Object> variablesFor(String document, Person person, String serviceId, String companyId) {
		Map<String, Object> input = new HashMap<>();
		input.put("accountId", person.id());
		input.put("ticket", "T-100");
		Function<Map<String, Object>, Map<String, Object>> asInput = (extra) -> {
			Map<String, Object> merged = new HashMap<>(input);
			merged.putAll(extra);
			return Map.of("input", merged);
		};
		int revision = revisionOf(person.id());
		return switch (document) {
			case "account-pages/cancelMyServiceAccount", "partner/cancelServiceAccount",
					"support/cancelServiceAccount" ->
				asInput.apply(Map.of("serviceId", serviceId, "reason", "walk"));
			case "account-pages/changeMySignInEmail", "support/changeCustomerSignInEmail" ->
				asInput.apply(Map.of("expectedRevision", revision, "newEmail", uniqueEmail()));
			case "account-pages/updateMyBasicDetails", "partner/pushBasicDetails", "support/correctBasicDetails" ->
				asInput.apply(Map.of("expectedRevision", revision, "givenName", "Grace"));
			case "account-pages/closeMyAccount" -> Map.of("input", Map.of("reason", "walk"));
			case "account-pages/linkServiceAccount" ->
				Map.of("input", Map.of("serviceId", serviceId, "serviceAccountId", person.accountOf(serviceId)));
			case "account-pages/objectToProfiling" -> asInput.apply(Map.of("objection", true, "policyVersion", "v1"));
			case "account-pages/setMyGroupNewsConsent" ->
				asInput.apply(Map.of("state", "GRANTED", "policyVersion", "v1"));
			case "account-pages/setMyMarketingConsent", "partner/setMarketingConsent",
					"support/recordMarketingChoice" ->
				asInput.apply(Map.of("companyId", companyId, "channel", "SMS", "state", "GRANTED", "policyVersion",
						"2026-01"));
			case "support/recordGuardianConsent" ->
				asInput.apply(Map.of("companyId", companyId, "guardianName", "A guardian", "method", "phone"));
			case "partner/acknowledgeServiceChanges" -> Map.of("input", Map.of("serviceId", serviceId, "upTo", "x"));
			case "partner/registerAccount" ->
				Map.of("input", Map.of("email", uniqueEmail(), "password", "a perfectly fine passphrase",
						"serviceAccountId", "walk-" + UUID.randomUUID(), "basicDetails", fullDetails()));
			case "partner/contactPermission", "support/contactPermission" ->
				Map.of("accountId", person.id(), "companyId", companyId, "channel", "EMAIL", "purpose", "MARKETING");
			case "partner/unsubscribeToken" ->
				Map.of("accountId", person.id(), "companyId", companyId, "address", person.email());
			case "partner/linkedAccount" -> Map.of("id", person.id());
			case "support/customerAccount" -> Map.of("id", person.id(), "ticket", "T-100");
			case "support/searchAccounts" ->
				Map.of("query", Map.of("email", person.email()), "ticket", "T-100", "first", 10);
			case "partner/serviceChanges" -> Map.of("serviceId", serviceId, "first", 100);
			case "partner/serviceWebhook" -> Map.of("serviceId", serviceId);
			case "partner/redeliverServiceChanges" -> Map.of("input", Map.of("serviceId", serviceId, "from", "x"));
			case "email-link/unsubscribe" -> Map.of("token", "not-a-token");
			case "account-pages/myAccessLog", "account-pages/myChangeHistory", "account-pages/myConsentHistory" ->
				Map.of("first", 10);
			default -> Map.of();
		};
	}

	private Person aLinkedPerson() {
		String email = uniqueEmail();
		String id = registerThrough("playstation-network", email, fullDetails());
		Map<String, String> accounts = new HashMap<>();
		accounts.put("playstation-network", "walk-psn-" + id);
		for (String service : List.of("sony-music", "my-sony")) {
			accounts.put(service, "walk-" + service + "-" + id);
			link(id, ServiceAccount.aServiceAccount().at(service).withId(accounts.get(service)));
		}
		return new Person(id, email, accounts);
	}

	private static Map<String, Object> fullDetails() {
		return Map.of("givenName", "Ada", "familyName", "Lovelace", "dateOfBirth", "1985-12-10", "country", "GB",
				"language", "en-GB", "phone", "+442071838750", "postalAddress", Map.of("streetAddress",
						"1 St James's Square", "locality", "London", "postalCode", "SW1Y 4JH", "country", "GB"));
	}

	/** What a partner service (or a person through its client) may see. */
	private View partnerView(String serviceId) {
		Map<String, Object> registry = post(this.jwts.partner(serviceId), "account-pages/registry", Map.of());
		List<Map<String, Object>> services = listAt(mapAt(registry, "data"), "services");
		Map<String, Object> service = services.stream()
			.filter((candidate) -> serviceId.equals(candidate.get("id")))
			.findFirst()
			.orElseThrow();
		@SuppressWarnings("unchecked")
		Set<String> fields = ((List<String>) service.get("syncedFields")).stream()
			.map(OperationViewsIntegrationTests::fieldName)
			.collect(Collectors.toSet());
		String controller = String.valueOf(mapAt(service, "controller").get("id"));
		return new View(fields, Set.of(serviceId), Set.of(controller));
	}

	/** A field's API name, from either its enum name or its API name. */
	private static String fieldName(String name) {
		return Stream.of(BasicDetailField.values())
			.filter((field) -> field.name().equals(name) || field.fieldName().equals(name))
			.map(BasicDetailField::fieldName)
			.findFirst()
			.orElseThrow();
	}

	private static Set<String> allFields() {
		return Stream.of(BasicDetailField.values()).map(BasicDetailField::fieldName).collect(Collectors.toSet());
	}

	private Map<String, Object> post(String token, String document, Map<String, Object> variables) {
		Map<String, Object> body = Map.of("query", read(document), "variables", variables);
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		})
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	/** Every query and mutation document; subscriptions travel over WebSocket only. */
	private static List<String> documents() {
		Path root = Path.of("graphql/operations");
		try (Stream<Path> files = Files.walk(root)) {
			List<String> names = new ArrayList<>(files.filter((file) -> file.toString().endsWith(".graphql"))
				.filter((file) -> !read(file).stripLeading().startsWith("subscription"))
				.map((file) -> root.relativize(file).toString().replace('\\', '/').replace(".graphql", ""))
				.sorted()
				.toList());
			names.removeAll(LAST);
			names.addAll(LAST);
			return names;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(String document) {
		return read(Path.of("graphql/operations", document + ".graphql"));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mapAt(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> listAt(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	private record Person(String id, String email, Map<String, String> serviceAccounts) {

		String accountOf(String serviceId) {
			return this.serviceAccounts.get(serviceId);
		}

	}

	/**
	 * The basic-detail fields, the services' links and the companies' consent a caller
	 * may see.
	 */
	private record View(Set<String> fields, Set<String> services, Set<String> companies) {
	}

	/** Walks an answer and collects every value outside the view. */
	private static final class Walk {

		private final View view;

		private final List<String> leaks = new ArrayList<>();

		private int detailsSeen;

		Walk(View view) {
			this.view = view;
		}

		void visit(String document, Object node) {
			if (node instanceof List<?> list) {
				list.forEach((item) -> visit(document, item));
			}
			if (!(node instanceof Map<?, ?> map)) {
				return;
			}
			map.forEach((key, value) -> {
				check(document, String.valueOf(key), value);
				visit(document, value);
			});
		}

		private void check(String document, String key, Object value) {
			if (value == null) {
				return;
			}
			switch (key) {
				case "basicDetails" -> {
					this.detailsSeen++;
					((Map<?, ?>) value).forEach((field, fieldValue) -> {
						if (fieldValue != null && !this.view.fields().contains(String.valueOf(field))) {
							this.leaks.add(document + ": basicDetails." + field);
						}
					});
				}
				case "signInEmail" -> {
					if (!this.view.fields().contains("email")) {
						this.leaks.add(document + ": signInEmail");
					}
				}
				case "linkedAccounts" -> ((List<?>) value).forEach((link) -> {
					Object service = ((Map<?, ?>) link).get("service");
					Object id = (service instanceof Map<?, ?> s) ? s.get("id") : null;
					if (id != null && !this.view.services().contains(String.valueOf(id))) {
						this.leaks.add(document + ": link to " + id);
					}
				});
				case "marketingPreferences" -> {
					Object companies = ((Map<?, ?>) value).get("companies");
					if (companies instanceof List<?> list) {
						list.forEach((entry) -> {
							Object company = ((Map<?, ?>) entry).get("company");
							Object id = (company instanceof Map<?, ?> c) ? c.get("id") : null;
							if (id != null && !this.view.companies().contains(String.valueOf(id))) {
								this.leaks.add(document + ": consent of " + id);
							}
						});
					}
				}
				case "data" -> {
					if (value instanceof Map<?, ?> data) {
						checkEventData(document, data);
					}
				}
				case "changedFields" -> ((List<?>) value).forEach((field) -> {
					String name = fieldName(String.valueOf(field));
					if (!this.view.fields().contains(name)) {
						this.leaks.add(document + ": changed field " + name);
					}
				});
				default -> {
				}
			}
		}

		/**
		 * A feed event's data: only entitled fields, only the caller's company's consent.
		 */
		private void checkEventData(String document, Map<?, ?> data) {
			Object company = data.get("companyId");
			if (company != null && !this.view.companies().contains(String.valueOf(company))) {
				this.leaks.add(document + ": event about the consent of " + company);
			}
			for (Object key : data.keySet()) {
				boolean detail = Stream.of(BasicDetailField.values())
					.anyMatch((field) -> field.fieldName().equals(String.valueOf(key)));
				if (detail && data.get(key) != null && !this.view.fields().contains(String.valueOf(key))) {
					this.leaks.add(document + ": event data " + key);
				}
			}
		}

	}

}
