package org.onesignin.hub.partnersync.persistence;

import org.mapstruct.Mapper;
import org.onesignin.hub.partnersync.WebhookState;
import org.onesignin.hub.shared.mapping.HubMapperConfig;

@Mapper(config = HubMapperConfig.class)
interface WebhookStateDocumentMapper {

	WebhookStateDocument toDocument(WebhookState state);

	WebhookState toDomain(WebhookStateDocument document);

}
