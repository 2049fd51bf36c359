package org.onesignin.hub.registry;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.onesignin.hub.shared.BasicDetailField;

/**
 * An online service of the group: its controller company, the OAuth clients that act for
 * it, the basic-detail fields it is entitled to receive, whether it is trusted to verify
 * the email addresses of the people it registers, and where its feed is delivered by
 * webhook (null: no webhook).
 */
public record Service(String id, String name, String controllerId, List<String> clientIds,
		Set<BasicDetailField> syncedFields, Cancellation cancellation, boolean verifiesEmails, String webhookUrl) {

	public Service {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(controllerId, "controllerId");
		clientIds = List.copyOf(clientIds);
		// in the fields' own order, so that every answer lists them alike
		EnumSet<BasicDetailField> ordered = EnumSet.noneOf(BasicDetailField.class);
		ordered.addAll(syncedFields);
		syncedFields = Collections.unmodifiableSet(ordered);
	}

	/** A service without a webhook. */
	public Service(String id, String name, String controllerId, List<String> clientIds,
			Set<BasicDetailField> syncedFields, Cancellation cancellation, boolean verifiesEmails) {
		this(id, name, controllerId, clientIds, syncedFields, cancellation, verifiesEmails, null);
	}

	public boolean isEntitledTo(BasicDetailField field) {
		return this.syncedFields.contains(field);
	}

	public boolean isControlledBy(String companyId) {
		return this.controllerId.equals(companyId);
	}

}
