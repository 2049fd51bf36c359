package org.onesignin.hub.signin.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.onesignin.hub.account.Confirmations;
import org.onesignin.hub.account.CredentialManagement;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in server's pages for mailed links: confirming an address (with the identity's
 * password, so a link reaching the wrong hands, or a registration someone else made with
 * the owner's address, confirms nothing), asking for a link (a password reset, or a new
 * confirmation link; the same answer whether the address is known or not), and setting a
 * new password with a reset link. Following a link (GET) never uses it: mail scanners
 * open links too.
 */
@Controller
class CredentialPagesController {

	/** No script at all, no framing, forms post to the hub only. */
	private static final String POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	private static final int MAX_TOKEN_LENGTH = 100;

	private static final int MAX_PASSWORD_LENGTH = 1000;

	private static final int MAX_EMAIL_LENGTH = 320;

	private final CredentialManagement credentials;

	private final Confirmations confirmations;

	CredentialPagesController(CredentialManagement credentials, Confirmations confirmations) {
		this.credentials = credentials;
		this.confirmations = confirmations;
	}

	@GetMapping("/sign-in/confirm-email")
	String confirmEmailPage(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		Optional<String> address = usable(token) ? this.credentials.addressToConfirm(token) : Optional.empty();
		if (address.isEmpty()) {
			return invalidLink(response, model);
		}
		return confirmEmailForm(address.get(), token, false, response, model);
	}

	@PostMapping("/sign-in/confirm-email")
	String confirmEmail(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			HttpServletResponse response, Model model) {
		if (!usable(token)) {
			return invalidLink(response, model);
		}
		Optional<String> address = this.credentials.addressToConfirm(token);
		Outcome<String> confirmed = this.credentials.confirmEmail(token,
				(password != null && password.length() <= MAX_PASSWORD_LENGTH) ? password : null);
		if (confirmed instanceof Outcome.Done<String> done) {
			return done(response, model, "Address confirmed",
					"Your One Sign In now uses " + done.value() + ". You can sign in with it.");
		}
		if (has(confirmed, UserErrorCode.WRONG_PASSWORD) && address.isPresent()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return confirmEmailForm(address.get(), token, true, response, model);
		}
		if (has(confirmed, UserErrorCode.EMAIL_TAKEN)) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return done(response, model, "Address already in use",
					"Another One Sign In confirmed this address first. Sign in with that one, "
							+ "or reset its password if you have forgotten it.");
		}
		return invalidLink(response, model);
	}

	@GetMapping("/sign-in/forgot-password")
	String forgotPasswordPage(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", POLICY);
		return "forgot-password";
	}

	@PostMapping("/sign-in/forgot-password")
	String forgotPassword(@RequestParam(required = false) String email, HttpServletResponse response, Model model) {
		if (email != null && email.length() <= MAX_EMAIL_LENGTH) {
			this.credentials.requestPasswordReset(email);
		}
		// the same page, at once, whether an identity uses the address or not
		return done(response, model, "Check your mail",
				"If a One Sign In uses that address, we have sent it a link to set a new password, which works "
						+ "once, for " + this.confirmations.resetValidityMinutes() + " minutes (or, if the address "
						+ "is not confirmed yet, a new link to confirm it).");
	}

	@GetMapping("/sign-in/reset-password")
	String resetPasswordPage(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		if (!usable(token) || !this.credentials.canReset(token)) {
			return invalidLink(response, model);
		}
		return resetPasswordForm(token, null, response, model);
	}

	@PostMapping("/sign-in/reset-password")
	String resetPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			HttpServletResponse response, Model model) {
		if (!usable(token)) {
			return invalidLink(response, model);
		}
		Outcome<String> reset = this.credentials.resetPassword(token,
				(password != null && password.length() <= MAX_PASSWORD_LENGTH) ? password : null);
		if (reset instanceof Outcome.Done<String>) {
			return done(response, model, "Password changed",
					"Your new password is set, and you are signed out everywhere. Sign in again with it.");
		}
		Optional<Rejection> weak = reset.rejections()
			.stream()
			.filter((r) -> r.code() == UserErrorCode.WEAK_PASSWORD)
			.findFirst();
		if (weak.isPresent()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return resetPasswordForm(token, weak.get().message(), response, model);
		}
		return invalidLink(response, model);
	}

	private static boolean usable(String token) {
		return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
	}

	private static boolean has(Outcome<?> outcome, UserErrorCode code) {
		return outcome.rejections().stream().anyMatch((r) -> r.code() == code);
	}

	private static String confirmEmailForm(String email, String token, boolean failed, HttpServletResponse response,
			Model model) {
		response.setHeader("Content-Security-Policy", POLICY);
		model.addAttribute("email", email);
		model.addAttribute("token", token);
		model.addAttribute("failed", failed);
		return "confirm-email";
	}

	private static String resetPasswordForm(String token, String problem, HttpServletResponse response, Model model) {
		response.setHeader("Content-Security-Policy", POLICY);
		model.addAttribute("token", token);
		model.addAttribute("problem", problem);
		return "reset-password";
	}

	private static String invalidLink(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_GONE);
		return done(response, model, "This link cannot be used",
				"It was used already, replaced by a newer one, or has expired. Ask for a new one with "
						+ "\"Forgotten your password?\" on the sign-in page.");
	}

	private static String done(HttpServletResponse response, Model model, String title, String message) {
		response.setHeader("Content-Security-Policy", POLICY);
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "credential-message";
	}

}
