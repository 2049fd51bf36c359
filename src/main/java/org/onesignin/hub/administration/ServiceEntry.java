package org.onesignin.hub.administration;

import java.util.List;
import java.util.Set;

import org.onesignin.hub.registry.Cancellation;
import org.onesignin.hub.registry.SignInClient;
import org.onesignin.hub.shared.BasicDetailField;

/**
 * A new service as an administrator describes it: its controller, the fields it is
 * entitled to, the sign-in clients that act for it, how its accounts are cancelled, and
 * its webhook (null: none).
 */
public record ServiceEntry(String id, String name, String controllerId, Set<BasicDetailField> syncedFields,
		List<SignInClient> clients, Cancellation cancellation, boolean verifiesEmails, String webhookUrl) {

}
