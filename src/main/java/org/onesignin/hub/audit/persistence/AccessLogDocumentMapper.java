package org.onesignin.hub.audit.persistence;

import org.mapstruct.Mapper;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.shared.mapping.HubMapperConfig;

@Mapper(config = HubMapperConfig.class)
interface AccessLogDocumentMapper {

	AccessLogDocument toDocument(AccessLogEntry entry);

	AccessLogEntry toDomain(AccessLogDocument document);

}
