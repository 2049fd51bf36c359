package org.onesignin.hub.partnersync;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which webhook addresses the hub POSTs to (IP literals: no name lookup needed).
 */
class WebhookTargetsUnitTests {

	private final WebhookTargets demo = new WebhookTargets(false);

	private final WebhookTargets production = new WebhookTargets(true);

	@Test
	void takesHttpsToAPublicAddressInEveryProfile() {
		assertThat(this.production.refusal("https://93.184.216.34/hooks")).isEmpty();
		assertThat(this.demo.refusal("https://93.184.216.34/hooks")).isEmpty();
	}

	@Test
	void takesPlainHttpOnlyToThisMachineAndNeverInProduction() {
		assertThat(this.demo.refusal("http://127.0.0.1:9000/hooks")).isEmpty();
		assertThat(this.demo.refusal("http://93.184.216.34/hooks")).isPresent();
		assertThat(this.production.refusal("http://127.0.0.1:9000/hooks")).isPresent();
		assertThat(this.production.refusal("https://127.0.0.1:9000/hooks")).isPresent();
	}

	@Test
	void resolvesForTheConnectionOnlyNamesWhoseEveryAddressPasses() throws Exception {
		// the connection's own lookup applies the rules again: a name re-pointed at an
		// internal address after the check does not resolve at all
		assertThat(this.demo.resolver().resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> this.production.resolver().resolve("localhost"));
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> this.demo.resolver().resolve("169.254.169.254"));
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> this.production.resolver().resolve("10.0.0.5"));
	}

	@Test
	void refusesPrivateNetworksInProduction() {
		for (String url : new String[] { "https://10.0.0.5/hooks", "https://172.16.0.1/hooks",
				"https://192.168.1.1/hooks", "https://100.64.0.1/hooks", "https://[fd12:3456::1]/hooks",
				"https://127.0.0.2/hooks" }) {
			assertThat(this.production.refusal(url)).as(url).isPresent();
		}
	}

	@Test
	void refusesLinkLocalMetadataAndWildcardAddresses() {
		for (String url : new String[] { "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/hooks",
				"https://[fd00:ec2::254]/hooks", "https://[fd00:ec2::254%1]/hooks", "https://192.0.0.192/hooks",
				"https://100.100.100.200/hooks", "https://0.0.0.0/hooks",
				"https://metadata.google.internal/computeMetadata", "https://224.0.0.1/hooks" }) {
			assertThat(this.demo.refusal(url)).as(url).isPresent();
		}
	}

	@Test
	void refusesWhatIsNotAnHttpUrlWithAHost() {
		for (String url : new String[] { "ftp://93.184.216.34/x", "https:///nohost",
				"https://user:pass@93.184.216.34/x", "not a url" }) {
			assertThat(this.demo.refusal(url)).as(url).isPresent();
		}
	}

}
