package org.onesignin.hub.caller;

import java.util.Collection;

import org.onesignin.hub.shared.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: the validated token and the {@link Caller} it resolves to
 * (the principal, available to controllers through {@code @AuthenticationPrincipal}).
 */
class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final Jwt jwt;

	CallerAuthentication(Caller caller, Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.caller = caller;
		this.jwt = jwt;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return this.jwt;
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public String getName() {
		return this.caller.kind() + ":" + this.caller.subject();
	}

}
