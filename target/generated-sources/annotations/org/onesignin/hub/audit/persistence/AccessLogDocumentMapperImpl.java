package org.onesignin.hub.audit.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.shared.CallerKind;
import org.springframework.stereotype.Component;

@Generated(
    value = "org.mapstruct.ap.MappingProcessor",
    date = "2026-11-22T04:31:36+0000",
    comments = "version: 1.6.3, compiler: javac, environment: Java 17.0.15 (Debian)"
)
@Component
class AccessLogDocumentMapperImpl implements AccessLogDocumentMapper {

    @Override
    public AccessLogDocument toDocument(AccessLogEntry entry) {
        if ( entry == null ) {
            return null;
        }

        String id = null;
        String accountId = null;
        CallerKind actorKind = null;
        String actorId = null;
        String companyId = null;
        String serviceId = null;
        String action = null;
        List<String> fields = null;
        String ticket = null;
        Instant time = null;

        id = entry.id();
        accountId = entry.accountId();
        actorKind = entry.actorKind();
        actorId = entry.actorId();
        companyId = entry.companyId();
        serviceId = entry.serviceId();
        action = entry.action();
        List<String> list = entry.fields();
        if ( list != null ) {
            fields = new ArrayList<String>( list );
        }
        ticket = entry.ticket();
        time = entry.time();

        AccessLogDocument accessLogDocument = new AccessLogDocument( id, accountId, actorKind, actorId, companyId, serviceId, action, fields, ticket, time );

        return accessLogDocument;
    }

    @Override
    public AccessLogEntry toDomain(AccessLogDocument document) {
        if ( document == null ) {
            return null;
        }

        String id = null;
        String accountId = null;
        CallerKind actorKind = null;
        String actorId = null;
        String companyId = null;
        String serviceId = null;
        String action = null;
        List<String> fields = null;
        String ticket = null;
        Instant time = null;

        id = document.id();
        accountId = document.accountId();
        actorKind = document.actorKind();
        actorId = document.actorId();
        companyId = document.companyId();
        serviceId = document.serviceId();
        action = document.action();
        List<String> list = document.fields();
        if ( list != null ) {
            fields = new ArrayList<String>( list );
        }
        ticket = document.ticket();
        time = document.time();

        AccessLogEntry accessLogEntry = new AccessLogEntry( id, accountId, actorKind, actorId, companyId, serviceId, action, fields, ticket, time );

        return accessLogEntry;
    }
}
