package org.onesignin.hub.partnersync.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.onesignin.hub.account.ServiceChange;
import org.onesignin.hub.shared.mapping.HubMapperConfig;
import org.onesignin.hub.partnersync.FeedEntry;
import org.onesignin.hub.shared.ChangeOrigin;

@Mapper(config = HubMapperConfig.class)
interface FeedEntryDocumentMapper {

	FeedEntryDocument toDocument(ServiceChange change, long sequence);

	@Mapping(target = "change", source = ".")
	FeedEntry toDomain(FeedEntryDocument document);

	ServiceChange toChange(FeedEntryDocument document);

	ChangeOrigin toDomain(FeedEntryDocument.OriginDocument origin);

	FeedEntryDocument.OriginDocument toDocument(ChangeOrigin origin);

}
