package org.onesignin.hub.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection of the person sign-in ({@code hub.credentials.lockout.*}):
 * failed sign-ins are counted per identity (the normalised email) and per client address,
 * in the store so that every instance sees the same counts.
 *
 * @param identityFailures failures of one identity within the window that lock it
 * @param addressFailures failures from one client address within the window that lock it
 * @param duration how long a lockout lasts (the right password is refused meanwhile)
 * @param window how far back failures count
 */
@ConfigurationProperties("hub.credentials.lockout")
public record LockoutProperties(@DefaultValue("5") int identityFailures, @DefaultValue("20") int addressFailures,
		@DefaultValue("15m") Duration duration, @DefaultValue("15m") Duration window) {

	public LockoutProperties {
		if (identityFailures < 1 || addressFailures < 1 || duration.isNegative() || duration.isZero()
				|| window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException(
					"hub.credentials.lockout needs failures of at least 1 and a positive duration and window");
		}
	}

}
