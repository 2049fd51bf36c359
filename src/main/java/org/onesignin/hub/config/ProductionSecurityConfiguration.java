package org.onesignin.hub.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Without the local issuer, nothing outside the API is served.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.local-issuer.enabled", havingValue = "false", matchIfMissing = true)
class ProductionSecurityConfiguration {

	@Bean
	@Order(3)
	SecurityFilterChain denyEverythingElse(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().denyAll());
		return http.build();
	}

}
