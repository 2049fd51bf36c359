package org.onesignin.hub.partnersync;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Which webhook addresses the hub POSTs to: https (plain http only to this machine, and
 * never in production), and never a link-local, cloud metadata, wildcard or multicast
 * address, checked on the name and on every address it resolves to at each delivery (a
 * name may be pointed elsewhere later).
 */
final class WebhookTargets {

	private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata",
			"metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

	private final boolean production;

	WebhookTargets(boolean production) {
		this.production = production;
	}

	/** Why the hub will not POST to this address now, or empty when it will. */
	Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (host == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getUserInfo() != null) {
			return Optional.of("not an http(s) URL with a host and no user info");
		}
		if (METADATA_NAMES.contains(host.toLowerCase(Locale.ROOT))) {
			return Optional.of("a cloud metadata address");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("unknown host");
		}
		boolean allLoopback = true;
		for (InetAddress address : addresses) {
			Optional<String> refused = refusal(address);
			if (refused.isPresent()) {
				return refused;
			}
			allLoopback &= address.isLoopbackAddress();
		}
		if (scheme.equals("http") && (this.production || !allLoopback)) {
			return Optional.of("plain http (https is required" + (this.production ? ")" : " beyond this machine)"));
		}
		return Optional.empty();
	}

	/** Why the hub will not connect to this address, or empty when it will. */
	Optional<String> refusal(InetAddress address) {
		if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
				|| isMetadata(address)) {
			return Optional.of("a link-local, metadata or wildcard address");
		}
		// in production no address of the hub's own networks either
		if (this.production && (address.isLoopbackAddress() || isPrivate(address))) {
			return Optional.of("a loopback or private address");
		}
		return Optional.empty();
	}

	/**
	 * The DNS of the webhook client: a name resolves to its addresses only when every one
	 * passes {@link #refusal(InetAddress)}, and the client connects to exactly those. So
	 * the address the hub checked is the address it connects to: a name re-pointed at an
	 * internal address between the check and the connection (DNS rebinding) fails to
	 * resolve instead.
	 */
	DnsResolver resolver() {
		return new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
				for (InetAddress address : addresses) {
					if (refusal(address).isPresent()) {
						throw new UnknownHostException("A refused address");
					}
				}
				return addresses;
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
	}

	private static boolean isMetadata(InetAddress address) {
		byte[] bytes = address.getAddress();
		// AWS, GCP and Azure at 169.254.169.254 (link-local, refused above), Alibaba's
		// 100.100.100.200, Oracle's 192.0.0.192 and AWS's IPv6 fd00:ec2::254 (compared
		// as bytes, so a scope id changes nothing)
		if (bytes.length == 4) {
			int[] ip = { bytes[0] & 0xff, bytes[1] & 0xff, bytes[2] & 0xff, bytes[3] & 0xff };
			return (ip[0] == 100 && ip[1] == 100 && ip[2] == 100 && ip[3] == 200)
					|| (ip[0] == 192 && ip[1] == 0 && ip[2] == 0 && ip[3] == 192);
		}
		byte[] awsIpv6 = { (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54 };
		return java.util.Arrays.equals(bytes, awsIpv6);
	}

	/** RFC 1918, carrier-grade NAT (RFC 6598) and IPv6 unique local addresses. */
	private static boolean isPrivate(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address.isSiteLocalAddress()) {
			return true;
		}
		if (bytes.length == 4) {
			return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		}
		return (bytes[0] & 0xfe) == 0xfc;
	}

}
