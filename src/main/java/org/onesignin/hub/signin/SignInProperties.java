package org.onesignin.hub.signin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's sign-in server (One Sign In), on in every profile.
 *
 * @param demo whether demo data is added: every confidential client's secret is
 * {@code <client-id>-secret} unless configured, the {@code staff} below can sign in, and
 * {@code POST /local/token} exists. On in the default run, off (and refused) with the
 * {@code production} profile.
 * @param clientSecrets confidential clients' secrets by client id, in Spring Security's
 * {@code {id}…} format ({@code {bcrypt}$2a$…}); without one, and outside the demo, a
 * confidential client cannot authenticate
 * @param keyRotationPeriod how long one signing key signs before the next one takes over;
 * a retired key stays published until every token it signed has expired
 * @param accessTokenLifetime access and ID token lifetime
 * @param refreshTokenLifetime refresh token lifetime (each use rotates it)
 * @param sessionIdleTimeout how long a sign-in session lasts without use (every service's
 * authorize request renews it)
 * @param staff demo staff: support agents and registry administrators (only with
 * {@code demo})
 */
@ConfigurationProperties("hub.sign-in")
public record SignInProperties(@DefaultValue("false") boolean demo, @DefaultValue Map<String, String> clientSecrets,
		@DefaultValue("30d") Duration keyRotationPeriod, @DefaultValue("60m") Duration accessTokenLifetime,
		@DefaultValue("30d") Duration refreshTokenLifetime, @DefaultValue("30m") Duration sessionIdleTimeout,
		@DefaultValue List<StaffMember> staff) {

	/**
	 * A demo member of staff: a support agent of one company, or (with
	 * {@code administrator}) an administrator of the registry, who has no company.
	 */
	public record StaffMember(String username, String password, String company,
			@DefaultValue("false") boolean administrator) {

		public StaffMember {
			if (administrator == (company != null)) {
				throw new IllegalArgumentException("hub.sign-in.staff: " + username
						+ " needs either a company (a support agent) or administrator: true, not both");
			}
		}

	}

}
