package org.onesignin.hub.caller;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.onesignin.hub.shared.CallerKind;

/**
 * A trusted external issuer as configured in {@code hub.security.trusted-issuers},
 * checked once at start-up: a mistake there fails the start with a message naming the
 * property, never a token at run time.
 */
record ExternalIssuer(IssuerContract contract, String jwkSetUri, String audience) {

	private static final String PREFIX = "hub.security.trusted-issuers";

	/**
	 * The configured external issuers, or an {@link IllegalStateException} naming the
	 * mistake.
	 */
	static List<ExternalIssuer> from(HubSecurityProperties properties) {
		List<ExternalIssuer> issuers = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		seen.add(withoutTrailingSlash(properties.issuer()));
		for (int index = 0; index < properties.trustedIssuers().size(); index++) {
			HubSecurityProperties.TrustedIssuer entry = properties.trustedIssuers().get(index);
			String at = PREFIX + "[" + index + "]";
			String issuer = required(entry.issuer(), at + ".issuer", "the exact iss of its tokens");
			String jwkSetUri = required(entry.jwkSetUri(), at + ".jwk-set-uri", "the URL of its JWKS");
			checkUrl(jwkSetUri, at + ".jwk-set-uri");
			if (withoutTrailingSlash(issuer).equals(withoutTrailingSlash(properties.issuer()))) {
				throw new IllegalStateException(at + ".issuer is the hub's own issuer (hub.security.issuer): "
						+ "list only external issuers there");
			}
			if (!seen.add(withoutTrailingSlash(issuer))) {
				throw new IllegalStateException(at + ".issuer is listed twice: one entry per issuer");
			}
			Set<CallerKind> callers = callers(entry.callers(), at);
			if (callers.contains(CallerKind.SUPPORT_AGENT) && entry.companies().isEmpty()) {
				throw new IllegalStateException(at + ".companies is missing: name the companies whose support agents "
						+ "this issuer signs in (a company's provider vouches for its own staff only)");
			}
			IssuerContract contract = new IssuerContract(issuer, entry.claims(),
					orDefault(entry.supportRole(), properties.supportRole()),
					orDefault(entry.administratorRole(), properties.administratorRole()), callers,
					Set.copyOf(entry.companies()));
			issuers.add(new ExternalIssuer(contract, jwkSetUri, orDefault(entry.audience(), properties.audience())));
		}
		return List.copyOf(issuers);
	}

	String issuer() {
		return this.contract.issuer();
	}

	private static Set<CallerKind> callers(List<String> names, String at) {
		Set<CallerKind> callers = EnumSet.noneOf(CallerKind.class);
		for (String name : names) {
			String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
			CallerKind kind = IssuerContract.TOKEN_KINDS.stream()
				.filter((candidate) -> candidate.name().equals(normalized))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(at + ".callers names an unknown caller kind '" + name
						+ "': use USER, PARTNER_SERVICE, SUPPORT_AGENT or ADMINISTRATOR"));
			callers.add(kind);
		}
		if (callers.isEmpty()) {
			throw new IllegalStateException(at + ".callers names no caller kind: use USER, PARTNER_SERVICE, "
					+ "SUPPORT_AGENT or ADMINISTRATOR, or remove the entry");
		}
		return callers;
	}

	private static String required(String value, String property, String meaning) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(property + " is missing: set it to " + meaning);
		}
		return value.trim();
	}

	private static void checkUrl(String value, String property) {
		URI uri;
		try {
			uri = URI.create(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " is not a URL: '" + value + "'");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
			throw new IllegalStateException(property + " is not an http(s) URL: '" + value + "'");
		}
	}

	private static String orDefault(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static String withoutTrailingSlash(String issuer) {
		return (issuer != null && issuer.endsWith("/")) ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

}
