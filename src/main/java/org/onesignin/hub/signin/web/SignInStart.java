package org.onesignin.hub.signin.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.onesignin.hub.registry.Registry;
import org.onesignin.hub.registry.Service;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What started a sign-in: the authorize request the sign-in page will continue, if any,
 * as the page names it ("Sony Music", "the support console") and the origin its
 * authorization response goes back to.
 *
 * @param destination what the person signs in to, or {@code null} for no one in
 * particular
 * @param returnOrigin the origin of the client's registered redirect URI the sign-in ends
 * at, or {@code null}
 */
record SignInStart(String destination, String returnOrigin) {

	/**
	 * The staff tooling's client: it acts for no service, so the registry has no name.
	 */
	static final String SUPPORT_CONSOLE = "support-console";

	private static final SignInStart ANYWHERE = new SignInStart(null, null);

	private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "::1");

	// what a CSP host-source may hold: anything else is left out of the header
	private static final Pattern PLAIN_HOST = Pattern.compile("[A-Za-z0-9.-]+");

	/**
	 * The start of a sign-in from the request Spring Security saved before sending the
	 * browser to the sign-in page: only an authorize request names a client.
	 */
	static SignInStart of(SavedRequest saved, String authorizationEndpoint, Registry registry,
			RegisteredClientRepository clients) {
		if (saved == null || !isAuthorizeRequest(saved, authorizationEndpoint)) {
			return ANYWHERE;
		}
		String clientId = single(saved, OAuth2ParameterNames.CLIENT_ID);
		if (clientId == null) {
			return ANYWHERE;
		}
		String destination = registry.serviceForClient(clientId)
			.map(Service::name)
			.orElse(SUPPORT_CONSOLE.equals(clientId) ? "the support console" : null);
		RegisteredClient client = clients.findByClientId(clientId);
		String returnOrigin = (client != null)
				? returnOrigin(client, single(saved, OAuth2ParameterNames.REDIRECT_URI)).orElse(null) : null;
		return new SignInStart(destination, returnOrigin);
	}

	private static boolean isAuthorizeRequest(SavedRequest saved, String authorizationEndpoint) {
		try {
			return authorizationEndpoint.equals(URI.create(saved.getRedirectUrl()).getPath());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String single(SavedRequest saved, String name) {
		String[] values = saved.getParameterValues(name);
		return (values != null && values.length == 1) ? values[0] : null;
	}

	/**
	 * The origin the authorization response will be sent to, when the requested redirect
	 * URI is one the client registered (a loopback one on any port, RFC 8252 §7.3), or
	 * the client's only one when the request names none.
	 */
	private static Optional<String> returnOrigin(RegisteredClient client, String requested) {
		Set<String> registered = client.getRedirectUris();
		if (requested == null) {
			return (registered.size() == 1) ? origin(registered.iterator().next()) : Optional.empty();
		}
		if (registered.contains(requested) || registered.stream().anyMatch((uri) -> sameLoopback(uri, requested))) {
			return origin(requested);
		}
		return Optional.empty();
	}

	private static boolean sameLoopback(String registered, String requested) {
		try {
			URI a = new URI(registered);
			URI b = new URI(requested);
			return a.getHost() != null && LOOPBACK_HOSTS.contains(a.getHost()) && a.getHost().equals(b.getHost())
					&& Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getRawPath(), b.getRawPath())
					&& b.getRawQuery() == null && b.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static Optional<String> origin(String uri) {
		try {
			URI parsed = new URI(uri);
			String scheme = parsed.getScheme();
			String host = parsed.getHost();
			if (!"https".equals(scheme) && !"http".equals(scheme) || host == null
					|| !PLAIN_HOST.matcher(host).matches()) {
				return Optional.empty();
			}
			return Optional.of(UriComponentsBuilder.newInstance()
				.scheme(scheme)
				.host(host)
				.port(parsed.getPort())
				.build()
				.toUriString());
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

}
