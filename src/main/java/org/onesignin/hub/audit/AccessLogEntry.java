package org.onesignin.hub.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.Sha256;

/**
 * One read or change of an account by someone other than its owner: who (actor kind and
 * id), for which company and through which service, what (action and fields), why
 * (ticket) and when.
 */
public record AccessLogEntry(String id, String accountId, CallerKind actorKind, String actorId, String companyId,
		String serviceId, String action, List<String> fields, String ticket, Instant time) {

	public AccessLogEntry {
		fields = List.copyOf(fields);
	}

	/**
	 * The entry of an access made in a request: its id is derived from the request's id
	 * and everything the entry says but its time, so the same access made again in the
	 * same request (an alias, a nested field, a retried append) is the same entry, while
	 * a different access or another request is another one. Without a request id (a
	 * caller not resolved from a request) every entry gets an id of its own.
	 */
	public static AccessLogEntry inRequest(String requestId, String accountId, CallerKind actorKind, String actorId,
			String companyId, String serviceId, String action, List<String> fields, String ticket, Instant time) {
		String id = (requestId != null) ? idOf(requestId, accountId, String.valueOf(actorKind), actorId, companyId,
				serviceId, action, ticket, fields) : UUID.randomUUID().toString();
		return new AccessLogEntry(id, accountId, actorKind, actorId, companyId, serviceId, action, fields, ticket,
				time);
	}

	/**
	 * A name-based UUID (RFC 9562 version 8) from the SHA-256 of the parts and the
	 * fields, each length-prefixed (null apart from empty) so that no two different
	 * entries read alike.
	 */
	private static String idOf(String requestId, String accountId, String actorKind, String actorId, String companyId,
			String serviceId, String action, String ticket, List<String> fields) {
		List<String> parts = new ArrayList<>(
				Arrays.asList(requestId, accountId, actorKind, actorId, companyId, serviceId, action, ticket));
		parts.addAll(fields);
		MessageDigest sha256 = Sha256.digest();
		for (String part : parts) {
			byte[] bytes = (part != null) ? ("+" + part).getBytes(StandardCharsets.UTF_8) : new byte[0];
			sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
			sha256.update(bytes);
		}
		ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
		long high = (hash.getLong() & ~0xF000L) | 0x8000L;
		long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
