package org.onesignin.hub.shared;

/**
 * Who made a change and through what: the actor kind and id, the company the request
 * acted for, the service whose client was used (if any) and the support ticket (if any).
 */
public record ChangeOrigin(CallerKind actorKind, String actorId, String companyId, String serviceId, String ticket) {

	public static ChangeOrigin of(Caller caller, String ticket) {
		return new ChangeOrigin(caller.kind(), caller.subject(), caller.actingCompanyId(), caller.serviceId(), ticket);
	}

}
