package org.onesignin.hub.preferences.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.shared.mapping.HubMapperConfig;
import org.onesignin.hub.preferences.ConsentRecord;
import org.onesignin.hub.shared.ChangeOrigin;

@Mapper(config = HubMapperConfig.class)
interface ConsentChangeDocumentMapper {

	@Mapping(target = "recordId", source = "id")
	ConsentChangeDocument.RecordDocument toDocument(ConsentRecord record);

	@Mapping(target = "id", source = "recordId")
	ConsentRecord toDomain(ConsentChangeDocument.RecordDocument document);

	ConsentChangeDocument.GuardianDocument toDocument(ConsentRecord.Guardian guardian);

	ConsentRecord.Guardian toDomain(ConsentChangeDocument.GuardianDocument document);

	@Mapping(target = "eventId", source = "id")
	ConsentChangeDocument.EventDocument toDocument(ServiceChange change);

	@Mapping(target = "id", source = "eventId")
	ServiceChange toDomain(ConsentChangeDocument.EventDocument document);

	ConsentChangeDocument.OriginDocument toDocument(ChangeOrigin origin);

	ChangeOrigin toDomain(ConsentChangeDocument.OriginDocument document);

}
