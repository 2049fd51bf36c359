package org.onesignin.hub.administration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.onesignin.hub.account.BasicDetailsValidation;
import org.onesignin.hub.registry.Cancellation;
import org.onesignin.hub.registry.PrivacyContact;
import org.onesignin.hub.registry.PrivacyPolicy;
import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.SignInClient;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * The shape of what an administrator writes into the registry, every failure collected
 * with its field path: ids, names, URLs, sign-in clients and their redirect URIs, each
 * bounded.
 */
final class RegistryEntryChecks {

	/** Service ids are slugs, as the file's are: they appear in URLs and feeds. */
	private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?");

	static final int MAX_NAME = 200;

	static final int MAX_TEXT = 2000;

	static final int MAX_URL = 2000;

	static final int MAX_REDIRECT_URI = 512;

	static final int MAX_CLIENTS = 10;

	static final int MAX_POLICY_VERSIONS = 100;

	static final int MAX_REDIRECT_URIS = 20;

	/**
	 * The registry is one document (MongoDB's limit: 16 MB): a change that would take it
	 * past this many characters of entries is refused.
	 */
	static final int MAX_REGISTRY_CHARACTERS = 4_000_000;

	private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

	private final List<String> accountPagesClients;

	private final List<Rejection> rejections = new ArrayList<>();

	RegistryEntryChecks(List<String> accountPagesClients) {
		this.accountPagesClients = accountPagesClients;
	}

	List<Rejection> rejections() {
		return List.copyOf(this.rejections);
	}

	void refuse(String path, String message) {
		this.rejections.add(Rejection.invalid(path, message));
	}

	void serviceId(String id, String path) {
		if (id == null || !SERVICE_ID.matcher(id).matches()) {
			refuse(path, "Must be a slug of 1 to 63 lowercase letters, digits and inner hyphens");
		}
	}

	void name(String name, String path) {
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			refuse(path, "Must be 1 to " + MAX_NAME + " characters");
		}
	}

	void text(String text, String path) {
		if (text != null && text.length() > MAX_TEXT) {
			refuse(path, "Must be at most " + MAX_TEXT + " characters");
		}
	}

	/** An absolute http(s) URL with a host, or null where {@code optional}. */
	boolean webUrl(String url, String path, boolean optional) {
		if (url == null) {
			if (!optional) {
				refuse(path, "Is required");
			}
			return optional;
		}
		URI uri = parse(url);
		if (uri == null || uri.getHost() == null || uri.getUserInfo() != null || !isHttp(uri)) {
			refuse(path, "Must be an absolute http or https URL with a host, at most " + MAX_URL + " characters");
			return false;
		}
		return true;
	}

	void cancellation(Cancellation cancellation, String path) {
		if (cancellation == null) {
			return;
		}
		webUrl(cancellation.url(), path + ".url", true);
		text(cancellation.instructions(), path + ".instructions");
		if (cancellation.url() == null
				&& (cancellation.instructions() == null || cancellation.instructions().isBlank())) {
			refuse(path, "Must name a URL or instructions: a person asked to cancel elsewhere needs one");
		}
	}

	void privacyContact(PrivacyContact contact, String path) {
		if (contact == null) {
			return;
		}
		if (contact.email() != null) {
			BasicDetailsValidation.email(contact.email(), path + ".email").rejections().forEach(this.rejections::add);
		}
		text(contact.postalAddress(), path + ".postalAddress");
		if (contact.postalAddress() != null && contact.postalAddress().isBlank()) {
			refuse(path + ".postalAddress", "Must not be blank (omit it instead)");
		}
		webUrl(contact.webForm(), path + ".webForm", true);
		if (contact.email() == null && contact.postalAddress() == null && contact.webForm() == null) {
			refuse(path, "Must name at least one way to reach the privacy team");
		}
	}

	/**
	 * The service's sign-in clients: distinct ids, none of the account pages' clients
	 * (those are the registry file's alone: their redirect URIs decide where a person's
	 * full self-service token may go), each confidential (a service's own client vouches
	 * for the person's sign-in, so only its back end may hold one); redirect URIs https,
	 * or http to this machine (RFC 8252 loopback), without a fragment.
	 */
	void clients(List<SignInClient> clients, String path) {
		if (clients.isEmpty() || clients.size() > MAX_CLIENTS) {
			refuse(path, "Must list 1 to " + MAX_CLIENTS + " clients");
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int index = 0; index < clients.size(); index++) {
			SignInClient client = clients.get(index);
			String at = path + "." + index;
			if (client.id() == null || !CLIENT_ID.matcher(client.id()).matches()) {
				refuse(at + ".id", "Must be 1 to 100 letters, digits, dots, hyphens and underscores");
			}
			else if (!seen.add(client.id())) {
				refuse(at + ".id", "Is listed twice");
			}
			if (client.id() != null && this.accountPagesClients.contains(client.id())) {
				refuse(at + ".id", "The account pages' clients are managed in the registry file only");
			}
			if (client.isPublic()) {
				refuse(at + ".type", "A service's client is CONFIDENTIAL: its token is the service's word that the "
						+ "person signed in through it");
			}
			redirectUris(client.redirectUris(), at + ".redirectUris");
			redirectUris(client.postLogoutRedirectUris(), at + ".postLogoutRedirectUris");
		}
	}

	private void redirectUris(List<String> uris, String path) {
		if (uris.size() > MAX_REDIRECT_URIS) {
			refuse(path, "Must list at most " + MAX_REDIRECT_URIS + " URIs");
			return;
		}
		for (int index = 0; index < uris.size(); index++) {
			String candidate = uris.get(index);
			URI uri = (candidate != null && candidate.length() <= MAX_REDIRECT_URI) ? parse(candidate) : null;
			boolean valid = uri != null && uri.getHost() != null && uri.getUserInfo() == null
					&& uri.getRawFragment() == null && ("https".equalsIgnoreCase(uri.getScheme())
							|| ("http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK_HOSTS.contains(host(uri))));
			if (!valid) {
				refuse(path + "." + index, "Must be an https URI, or http to 127.0.0.1, [::1] or localhost, without "
						+ "a fragment, at most " + MAX_REDIRECT_URI + " characters");
			}
		}
	}

	/**
	 * The policy with its new URL and current version: a version new to the company is
	 * appended; an earlier one cannot come back as current (versions move forward).
	 */
	PrivacyPolicy privacyPolicy(PrivacyPolicy existing, String url, String version) {
		webUrl(url, "privacyPolicy.url", false);
		List<String> versions = new ArrayList<>((existing != null) ? existing.versions() : List.of());
		if (version == null || version.isBlank() || version.length() > 100) {
			refuse("privacyPolicy.currentVersion", "Must be 1 to 100 characters");
			return existing;
		}
		if (versions.contains(version) && !version.equals(versions.get(versions.size() - 1))) {
			refuse("privacyPolicy.currentVersion",
					"Was superseded: versions move forward (a new version gets a new name)");
			return existing;
		}
		if (!versions.contains(version)) {
			if (versions.size() >= MAX_POLICY_VERSIONS) {
				refuse("privacyPolicy.currentVersion", "A company keeps at most " + MAX_POLICY_VERSIONS + " versions");
				return existing;
			}
			versions.add(version);
		}
		return (url != null) ? new PrivacyPolicy(url, versions) : existing;
	}

	/** The refusal of a registry too large for its one document, if it is. */
	static Optional<Rejection> overflowOf(Registry registry) {
		long characters = registry.companies().toString().length() + registry.services().toString().length()
				+ registry.clients().toString().length();
		return (characters <= MAX_REGISTRY_CHARACTERS) ? Optional.empty()
				: Optional.of(Rejection.of(UserErrorCode.VALIDATION,
						"The registry is full: it is kept in one document of at most " + MAX_REGISTRY_CHARACTERS
								+ " characters"));
	}

	private static String host(URI uri) {
		return uri.getHost().toLowerCase(Locale.ROOT);
	}

	private static boolean isHttp(URI uri) {
		return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
	}

	private static URI parse(String url) {
		if (url == null || url.length() > MAX_URL) {
			return null;
		}
		try {
			URI uri = new URI(url);
			return uri.isAbsolute() ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
