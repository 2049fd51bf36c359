package org.onesignin.hub.preferences.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.shared.mapping.HubMapperConfig;
import org.onesignin.hub.preferences.ConsentRecord;
import org.onesignin.hub.shared.ChangeOrigin;

@Mapper(config = HubMapperConfig.class)
interface ConsentLedgerDocumentMapper {

	@Mapping(target = "recordId", source = "id")
	ConsentLedgerDocument.RecordDocument toDocument(ConsentRecord record);

	@Mapping(target = "id", source = "recordId")
	ConsentRecord toDomain(ConsentLedgerDocument.RecordDocument document);

	ConsentLedgerDocument.GuardianDocument toDocument(ConsentRecord.Guardian guardian);

	ConsentRecord.Guardian toDomain(ConsentLedgerDocument.GuardianDocument document);

	@Mapping(target = "eventId", source = "id")
	ConsentLedgerDocument.EventDocument toDocument(ServiceChange change);

	@Mapping(target = "id", source = "eventId")
	ServiceChange toDomain(ConsentLedgerDocument.EventDocument document);

	ConsentLedgerDocument.OriginDocument toDocument(ChangeOrigin origin);

	ChangeOrigin toDomain(ConsentLedgerDocument.OriginDocument document);

}
