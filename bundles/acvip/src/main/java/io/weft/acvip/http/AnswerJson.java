package io.weft.acvip.http;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.weft.acvip.book.Registration;
import io.weft.acvip.domain.DomainView;
import io.weft.acvip.poll.PollReply;
import io.weft.api.acvip.AcvipProtocol;
import io.weft.api.acvip.ServiceAddress;

/** The JSON bodies ACVIP answers with; the format is documented in {@link AcvipProtocol}. */
public final class AnswerJson {

    /** Every listed address is available and weighs the same: ACVIP lists only healthy ones. */
    static final int WEIGHT = 100;

    private AnswerJson() {
    }

    public static ObjectNode lookup(PollReply reply, Clock clock) {
        ObjectNode root = ok();
        ArrayNode domains = root.putArray(AcvipProtocol.VIP_DOMAINS);
        for (DomainView d : reply.answer().changed()) {
            ObjectNode domain = domains.addObject();
            domain.put(AcvipProtocol.NAME, d.name());
            domain.put(AcvipProtocol.CHECKSUM, d.checksum());
            domain.put(AcvipProtocol.PRODUCT_ENABLED, d.productEnabled());
            ArrayNode nodes = domain.putArray(AcvipProtocol.REAL_NODES);
            for (ServiceAddress a : d.addresses()) {
                ObjectNode n = nodes.addObject();
                n.put(AcvipProtocol.IP, a.host());
                n.put(AcvipProtocol.PORT, a.port());
                n.put(AcvipProtocol.HEALTH_CHECK_PORT, a.port());
                n.put(AcvipProtocol.DATA_CENTER, a.dataCenter());
                n.put(AcvipProtocol.ZONE, a.zone());
                n.put(AcvipProtocol.AVAILABLE, true);
                n.put(AcvipProtocol.WEIGHT, WEIGHT);
            }
        }
        ArrayNode notModified = root.putArray(AcvipProtocol.NOT_MODIFIED);
        reply.answer().notModified().forEach(notModified::add);
        ObjectNode unknown = root.putObject(AcvipProtocol.UNKNOWN_DOMAINS);
        ArrayNode notExist = root.putObject(AcvipProtocol.EXTENSION_PARAMS).putArray(AcvipProtocol.NOT_EXIST_DOMAINS);
        for (Map.Entry<String, String> e : reply.answer().unknown().entrySet()) {
            unknown.put(e.getKey(), e.getValue());
            notExist.add(e.getKey());
        }
        root.put(AcvipProtocol.POLLED, reply.polled());
        root.put(AcvipProtocol.POLLING_ACCEPTED, reply.accepted());
        root.put(AcvipProtocol.ACCEPT_TIME, clock.millis());
        return root;
    }

    public static ObjectNode registered(long leaseSeconds) {
        return ok().put(AcvipProtocol.LEASE_SECONDS, leaseSeconds);
    }

    public static ObjectNode unregistered(boolean removed) {
        return ok().put(AcvipProtocol.REMOVED, removed);
    }

    /** {@code GET /antcloud/antvip/instances}: every registration with its state, for operators. */
    public static ObjectNode registrations(List<Registration> all) {
        ObjectNode root = ok();
        ArrayNode list = root.putArray("registrations");
        for (Registration r : all) {
            ObjectNode n = list.addObject();
            n.put(AcvipProtocol.SERVICE, r.address().service());
            n.put(AcvipProtocol.HOST, r.address().host());
            n.put(AcvipProtocol.PORT, r.address().port());
            n.put(AcvipProtocol.DATA_CENTER, r.address().dataCenter());
            n.put(AcvipProtocol.ZONE, r.address().zone());
            n.put("state", r.state().name());
            n.put("local", r.local());
            if (r.leaseUntil() != null) {
                n.put("leaseUntil", r.leaseUntil().toString());
            }
            if (r.failingSince() != null) {
                n.put("failingSince", r.failingSince().toString());
            }
        }
        return root;
    }

    public static ObjectNode error(int code, String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put(AcvipProtocol.ERROR_CODE, code);
        root.put(AcvipProtocol.ERROR_MSG, message);
        return root;
    }

    /** A refused register or unregister (401/403), with its reason. */
    public static ObjectNode refused(int code, String reason, String message) {
        return error(code, message).put(AcvipProtocol.REASON, reason);
    }

    private static ObjectNode ok() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put(AcvipProtocol.ERROR_CODE, 0);
        root.putNull(AcvipProtocol.ERROR_MSG);
        return root;
    }
}
