package io.weft.registry.session.cluster;

import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.UnpublishRequest;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import io.weft.registry.session.data.Publication;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the session's records and the cluster protocol's messages (decision record 0021). Stateless.
 */
final class Messages {

    private Messages() {
    }

    /**
     * @param sessionAddress this session's client endpoint, {@code host:9600}
     * @param processId      this session process, the key of its lease on the data servers
     */
    static PublishRequest publish(PublicationKey key, HeldPublications.Held held, long slotTableEpoch,
            String sessionAddress, String processId) {
        Publication publication = held.publication();
        PublisherEntry publisher = new PublisherEntry();
        publisher.setRegisterId(publication.registId());
        publisher.setSessionAddress(sessionAddress);
        publisher.setSessionProcessId(processId);
        publisher.setConnectionId(publication.connectionId());
        publisher.setZone(publication.zone());
        publisher.setData(new ArrayList<>(publication.data()));
        publisher.setClientVersion(publication.version());
        publisher.setRegisterTimestamp(held.registerTimestamp());
        PublishRequest request = new PublishRequest();
        request.setSlotTableEpoch(slotTableEpoch);
        request.setDataInfoId(key.id().toString());
        request.setDataId(key.id().dataId());
        request.setGroup(key.id().group());
        request.setInstanceId(key.id().instanceId());
        request.setPublisher(publisher);
        return request;
    }

    static UnpublishRequest unpublish(PublicationKey key, String processId) {
        UnpublishRequest request = new UnpublishRequest();
        request.setDataInfoId(key.id().toString());
        request.setRegisterId(key.registId());
        request.setSessionProcessId(processId);
        return request;
    }

    /**
     * The datum a data server answered, as the session pushes it: every publisher's values, in its zone.
     *
     * @param defaultZone the zone of a publisher that names none
     */
    static Datum datum(DataInfoId id, DatumView view, String defaultZone) {
        List<Publication> publications = new ArrayList<>();
        for (PublisherEntry p : view.getPublishers()) {
            if (p == null || p.getRegisterId() == null) {
                continue;
            }
            String zone = p.getZone() == null || p.getZone().isBlank() ? defaultZone : p.getZone();
            String connection = p.getConnectionId() == null ? "" : p.getConnectionId();
            publications.add(new Publication(p.getRegisterId(), connection, zone, p.getData(), p.getClientVersion()));
        }
        return new Datum(id, view.getVersion(), publications);
    }
}
