package org.onesignin.hub.access;

import org.onesignin.hub.registry.RegistryManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access policy over the live registry.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	AccessPolicy accessPolicy(RegistryManagement registry) {
		return new AccessPolicy(registry::registry);
	}

}
