package org.onesignin.hub.administration;

import java.util.List;
import java.util.Set;

import org.onesignin.hub.registry.Cancellation;
import org.onesignin.hub.registry.SignInClient;
import org.onesignin.hub.shared.BasicDetailField;

/**
 * What an administrator changes of a service: each field null where unchanged; the
 * webhook is replaced only when {@code webhookGiven} (a null URL then removes it).
 */
public record ServicePatch(String serviceId, String name, Set<BasicDetailField> syncedFields,
		List<SignInClient> clients, Cancellation cancellation, Boolean verifiesEmails, boolean webhookGiven,
		String webhookUrl) {

}
