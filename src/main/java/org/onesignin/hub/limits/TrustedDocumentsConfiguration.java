package org.onesignin.hub.limits;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trusted documents: the manifest the build wrote, read once at start-up (the hub
 * does not start without it), documents sent by id, parsed once, required where
 * configured, and the manifest published at {@link #MANIFEST_PATH}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustedDocumentsProperties.class)
class TrustedDocumentsConfiguration {

	/** Where clients read the manifest, to check they are in sync. */
	static final String MANIFEST_PATH = "/graphql/trusted-documents.json";

	@Bean
	TrustedDocuments trustedDocuments() throws IOException {
		ClassPathResource manifest = new ClassPathResource(TrustedDocuments.MANIFEST);
		if (!manifest.exists()) {
			throw new IllegalStateException("No trusted-document manifest on the classpath ("
					+ TrustedDocuments.MANIFEST + "): build with ./mvnw");
		}
		try (InputStream in = manifest.getInputStream()) {
			return TrustedDocuments.read(in);
		}
	}

	@Bean
	GraphQlSourceBuilderCustomizer trustedDocumentCache(TrustedDocuments trusted, GraphQlCostLimits costs) {
		TrustedDocumentCache cache = new TrustedDocumentCache(trusted, costs);
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(cache));
	}

	@Bean
	// before any other interceptor looks at the document
	@Order(Ordered.HIGHEST_PRECEDENCE)
	TrustedDocumentsOnly trustedDocumentsOnly(TrustedDocuments trusted, TrustedDocumentsProperties properties) {
		return new TrustedDocumentsOnly(trusted, properties);
	}

	@RestController
	static class ManifestController {

		private final TrustedDocuments trusted;

		ManifestController(TrustedDocuments trusted) {
			this.trusted = trusted;
		}

		@GetMapping(path = MANIFEST_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
		ResponseEntity<byte[]> manifest() {
			return ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
				.eTag(this.trusted.manifestId())
				.body(this.trusted.manifest());
		}

	}

}
