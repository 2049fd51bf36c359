package org.onesignin.hub.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The two reference clients the hub serves as static pages: the account pages at
 * {@code /account/} (public client {@code account-pages}) and the support console at
 * {@code /support/} (public client {@code support-console}). Each signs in through the
 * hub's sign-in server (authorization code + PKCE in the browser), keeps its tokens in
 * memory and calls only {@code /graphql} with the trusted documents of
 * {@code graphql/operations/}.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesConfiguration implements WebMvcConfigurer {

	/**
	 * Scripts, styles, images and API calls from the hub's own origin only: no inline
	 * script or style, no plugin, no framing, forms posting to the hub only.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		for (String page : new String[] { "account", "support" }) {
			registry.addRedirectViewController("/" + page, "/" + page + "/");
			registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
		}
	}

	@Bean
	@Order(0)
	SecurityFilterChain webPagesSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/account", "/account/**", "/support", "/support/**", "/pages/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// static files only: the pages change things by calling the API with a bearer
			// token held in memory, never a cookie, so no request here can be forged
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers
				// written before the page is, so that every answer has them: a HEAD's is
				// committed without a body, which the default (on commit) misses
				.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
					@Override
					public <O extends HeaderWriterFilter> O postProcess(O filter) {
						filter.setShouldWriteHeadersEagerly(true);
						return filter;
					}
				})
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				// the authorization code arrives in the page's address: never pass it on
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
