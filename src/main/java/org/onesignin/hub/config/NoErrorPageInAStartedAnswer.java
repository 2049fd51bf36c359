package org.onesignin.hub.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An error after an answer has started (a streamed download failing midway) is not
 * written into it: the container would include the error page in the body it already
 * sent, then close the connection. Only the close remains, so the client sees a broken
 * transfer instead of an error document spliced into the data.
 */
@Configuration(proxyBeanMethods = false)
class NoErrorPageInAStartedAnswer {

	@Bean
	FilterRegistrationBean<Filter> errorPageOnlyBeforeTheAnswerStarts(
			@Value("${server.error.path:/error}") String errorPath) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			// the container includes the error page only in an answer already committed
			if (!response.isCommitted()) {
				chain.doFilter(request, response);
			}
		});
		registration.setDispatcherTypes(DispatcherType.INCLUDE);
		registration.addUrlPatterns(errorPath);
		return registration;
	}

}
