package org.onesignin.hub.signin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.onesignin.hub.registry.RegistryManagement;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The hub's sign-in page at {@code GET /login}, naming the service whose authorize
 * request started the sign-in; Spring Security's form login checks what it posts.
 */
@Controller
class SignInPageController {

	/** No inline script or style, no framing, and the form posts to the hub only. */
	private static final String POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	private final RequestCache requests = new HttpSessionRequestCache();

	private final RegistryManagement registry;

	private final RegisteredClientRepository clients;

	private final String authorizationEndpoint;

	SignInPageController(RegistryManagement registry, RegisteredClientRepository clients,
			AuthorizationServerSettings settings) {
		this.registry = registry;
		this.clients = clients;
		this.authorizationEndpoint = settings.getAuthorizationEndpoint();
	}

	@GetMapping("/login")
	String signInPage(HttpServletRequest request, HttpServletResponse response, Model model) {
		SignInStart start = SignInStart.of(this.requests.getRequest(request, response), this.authorizationEndpoint,
				this.registry.registry(), this.clients);
		// Chrome and Safari check form-action against the redirects that follow the
		// post too: the authorization response to the client's registered redirect URI
		// must be allowed, or the sign-in stops after the password was accepted
		response.setHeader("Content-Security-Policy",
				(start.returnOrigin() != null) ? POLICY + " " + start.returnOrigin() : POLICY);
		model.addAttribute("destination", start.destination());
		// one message for every failure: the page never tells whether an email is known
		model.addAttribute("failed", request.getParameter("error") != null);
		model.addAttribute("signedOut", request.getParameter("logout") != null);
		return "sign-in";
	}

}
