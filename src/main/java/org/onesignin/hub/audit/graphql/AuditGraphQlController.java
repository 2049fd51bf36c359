package org.onesignin.hub.audit.graphql;

import java.time.Instant;
import java.util.List;

import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.audit.AuditManagement;
import org.onesignin.hub.registry.Company;
import org.onesignin.hub.registry.RegistryManagement;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.CallerKind;
import org.onesignin.hub.shared.graphql.AccountSource;
import org.onesignin.hub.shared.graphql.Pages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * The owner's access log over GraphQL.
 */
@Controller
class AuditGraphQlController {

	private final AuditManagement audit;

	private final RegistryManagement registry;

	private final int maxPageSize;

	AuditGraphQlController(AuditManagement audit, RegistryManagement registry,
			@Value("${hub.graphql.max-page-size:100}") int maxPageSize) {
		this.audit = audit;
		this.registry = registry;
		this.maxPageSize = maxPageSize;
	}

	@SchemaMapping(typeName = "Account")
	Window<AccessLog> accessLog(@AuthenticationPrincipal Caller caller, AccountSource account,
			ScrollSubrange subrange) {
		return Pages.window(this.audit.accessLog(caller, account.id(), Pages.request(subrange, this.maxPageSize)),
				this::toView);
	}

	private AccessLog toView(AccessLogEntry entry) {
		Company company = (entry.companyId() != null) ? this.registry.registry().company(entry.companyId()).orElse(null)
				: null;
		return new AccessLog(entry.id(), entry.actorKind(), entry.actorId(), company, entry.serviceId(), entry.action(),
				entry.fields(), entry.ticket(), entry.time());
	}

	/** The schema's AccessLog type: one entry. */
	record AccessLog(String id, CallerKind actorKind, String actorId, Company company, String serviceId, String action,
			List<String> fields, String ticket, Instant time) {
	}

}
