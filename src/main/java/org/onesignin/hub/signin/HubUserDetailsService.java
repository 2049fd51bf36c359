package org.onesignin.hub.signin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onesignin.hub.account.Accounts;
import org.onesignin.hub.account.BasicDetailsValidation;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks One Sign In credentials (email and password) and, in the demo, the demo support
 * agents.
 */
class HubUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	private final Map<String, HubUser> staff;

	HubUserDetailsService(Accounts accounts, List<SignInProperties.StaffMember> staff, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.staff = staff.stream()
			.map((member) -> new HubUser(member.username().toLowerCase(Locale.ROOT),
					passwords.encode(member.password()), true, member.company(),
					member.username().toLowerCase(Locale.ROOT), member.administrator()))
			.collect(Collectors.toUnmodifiableMap(HubUser::getUsername, Function.identity()));
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		// normalised as the lockout's identity key is: one agent, one key
		HubUser agent = this.staff.get(BasicDetailsValidation.emailKey(username));
		if (agent != null) {
			return new HubUser(agent.getUsername(), agent.getPassword(), true, agent.company(), agent.email(),
					agent.isAdministrator());
		}
		// only a verified identity holds its address: an unverified one cannot sign in
		return this.accounts.findBySignInEmail(username)
			.map((account) -> new HubUser(account.id().value(), account.passwordHash(), account.isActive(), null,
					account.signInEmail()))
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
	}

}
