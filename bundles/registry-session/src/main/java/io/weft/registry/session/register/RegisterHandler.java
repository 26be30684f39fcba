package io.weft.registry.session.register;

import com.alipay.sofa.registry.core.constants.EventTypeConstants;
import com.alipay.sofa.registry.core.model.BaseRegister;
import com.alipay.sofa.registry.core.model.ConfiguratorRegister;
import com.alipay.sofa.registry.core.model.DataBox;
import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.RegisterResponse;
import com.alipay.sofa.registry.core.model.SubscriberRegister;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import io.weft.registry.session.data.SessionData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what clients register (RCP-7, RCP-8) and answers with a {@link RegisterResponse} that echoes the
 * registId and the request's version: the client counts a registration as done only when the version it
 * sent comes back. A registration missing a required field (or an empty body) gets {@code success=false} with
 * the reason, logged at ERROR (common-error.log: a client that sends it is broken); only a final verdict (a
 * refused signature) gets {@code refused=true}, which disables that registration in the client for good.
 * Thread-safe; called on Bolt's processor threads.
 */
public final class RegisterHandler {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final Registrations registrations;
    private final SessionData data;
    private final RegistrationListener listener;
    private final SignatureCheck signatures;
    private final String defaultZone;

    /**
     * @param defaultZone the zone of registrations that name none (the session's own zone)
     */
    public RegisterHandler(Registrations registrations, SessionData data, RegistrationListener listener,
            SignatureCheck signatures, String defaultZone) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.data = Objects.requireNonNull(data, "data");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    public RegisterResponse publisher(PublisherRegister register, String connectionId) {
        RegisterResponse refusal = check(register, connectionId, "Publisher");
        if (refusal != null) {
            return refusal;
        }
        DataInfoId id = idOf(register);
        if (isUnregister(register)) {
            PublisherRegistration removed = registrations.publishers().remove(register.getRegistId());
            if (removed != null) {
                data.removePublication(removed.id(), removed.registId());
            }
            return accepted(register, connectionId, "Publisher unregister success!");
        }
        String zone = zoneOf(register);
        List<String> values = values(register.getDataList());
        PublisherRegistration registration = new PublisherRegistration(register.getRegistId(), connectionId, id, zone,
                versionOf(register), register.getAppName(), values);
        PublisherRegistration replaced = registrations.publishers().put(registration);
        if (replaced == null) {
            return accepted(register, connectionId, "Publisher register ignored: version " + register.getVersion()
                    + " is not newer than the one held");
        }
        if (replaced != registration && !replaced.id().equals(id)) {
            data.removePublication(replaced.id(), replaced.registId());
        }
        data.putPublication(id, new Publication(register.getRegistId(), connectionId, zone, values,
                registration.version()));
        return accepted(register, connectionId, "Publisher register success!");
    }

    public RegisterResponse subscriber(SubscriberRegister register, String connectionId) {
        RegisterResponse refusal = check(register, connectionId, "Subscriber");
        if (refusal != null) {
            return refusal;
        }
        if (isUnregister(register)) {
            Subscription removed = registrations.subscribers().remove(register.getRegistId());
            if (removed != null) {
                listener.removed(List.of(removed));
            }
            return accepted(register, connectionId, "Subscriber unregister success!");
        }
        Subscription subscription = new Subscription(register.getRegistId(), connectionId, idOf(register),
                register.getScope() == null ? Subscription.SCOPE_ZONE : register.getScope(), zoneOf(register),
                versionOf(register), register.getAppName());
        Subscription replaced = registrations.subscribers().put(subscription);
        if (replaced == null) {
            return accepted(register, connectionId, "Subscriber register ignored: version " + register.getVersion()
                    + " is not newer than the one held");
        }
        listener.subscribed(subscription);
        return accepted(register, connectionId, "Subscriber register success!");
    }

    public RegisterResponse configurator(ConfiguratorRegister register, String connectionId) {
        RegisterResponse refusal = check(register, connectionId, "Configurator");
        if (refusal != null) {
            return refusal;
        }
        if (isUnregister(register)) {
            ConfiguratorRegistration removed = registrations.configurators().remove(register.getRegistId());
            if (removed != null) {
                listener.removed(List.of(removed));
            }
            return accepted(register, connectionId, "Configurator unregister success!");
        }
        ConfiguratorRegistration configurator = new ConfiguratorRegistration(register.getRegistId(), connectionId,
                idOf(register), versionOf(register));
        ConfiguratorRegistration replaced = registrations.configurators().put(configurator);
        if (replaced == null) {
            return accepted(register, connectionId, "Configurator register ignored: version " + register.getVersion()
                    + " is not newer than the one held");
        }
        listener.watching(configurator);
        return accepted(register, connectionId, "Configurator register success!");
    }

    /** The connection closed: everything registered over it goes (REG-36, RCP-21). */
    public void connectionClosed(String connectionId) {
        List<PublisherRegistration> publishers = registrations.publishers().removeConnection(connectionId);
        data.removeConnection(connectionId);
        List<Registration> gone = new ArrayList<>(registrations.subscribers().removeConnection(connectionId));
        gone.addAll(registrations.configurators().removeConnection(connectionId));
        listener.removed(gone);
        if (!publishers.isEmpty() || !gone.isEmpty()) {
            LOG.info("[connection] {} closed: removed {} publishers, {} subscribers and configurators",
                    connectionId, publishers.size(), gone.size());
        }
    }

    private RegisterResponse check(BaseRegister register, String connectionId, String kind) {
        String problem = RequiredFields.problem(register);
        if (problem != null) {
            LOG.error("[register] {} from {} not accepted: {}", kind, connectionId, problem);
            return response(register, false, false, problem);
        }
        String refusal = signatures.refusal(register);
        if (refusal != null) {
            LOG.warn("[register] auth failed: {} {} of dataId {} instanceId {} from {}: {}", kind,
                    register.getRegistId(), register.getDataId(), register.getInstanceId(), connectionId, refusal);
            return response(register, false, true, refusal);
        }
        return null;
    }

    private DataInfoId idOf(BaseRegister register) {
        return new DataInfoId(register.getDataId(), register.getInstanceId(), register.getGroup());
    }

    private String zoneOf(BaseRegister register) {
        String zone = register.getZone();
        return zone == null || zone.isBlank() ? defaultZone : zone;
    }

    private static boolean isUnregister(BaseRegister register) {
        return EventTypeConstants.UNREGISTER.equals(register.getEventType());
    }

    private static long versionOf(BaseRegister register) {
        return register.getVersion() == null ? 0L : register.getVersion();
    }

    private static List<String> values(List<DataBox> boxes) {
        List<String> values = new ArrayList<>();
        if (boxes != null) {
            for (DataBox box : boxes) {
                if (box != null && box.getData() != null) {
                    values.add(box.getData());
                }
            }
        }
        return values;
    }

    /** An accepted (or harmlessly ignored) request, logged as registry-session.log's publish/subscribe lines. */
    private RegisterResponse accepted(BaseRegister register, String connectionId, String message) {
        LOG.info("[register] {} dataInfoId {} registId {} version {} from {}", message, idOf(register),
                register.getRegistId(), register.getVersion(), connectionId);
        return success(register, message);
    }

    /**
     * The answer of a session handing its clients over (decision record 0023): a success that applies nothing.
     * The client registers everything again once it has reconnected to the next session.
     *
     * @param register null for an empty body
     */
    public static RegisterResponse acknowledgedOnly(BaseRegister register) {
        return success(register, "acknowledged during the session's hand-over; registered again after reconnecting");
    }

    private static RegisterResponse success(BaseRegister register, String message) {
        return response(register, true, false, message);
    }

    /** @param register null for an empty body: the answer then echoes nothing */
    private static RegisterResponse response(BaseRegister register, boolean success, boolean refused, String message) {
        RegisterResponse response = new RegisterResponse();
        response.setSuccess(success);
        response.setRefused(refused);
        response.setRegistId(register == null ? null : register.getRegistId());
        response.setVersion(register == null ? 0L : versionOf(register));
        response.setMessage(message);
        return response;
    }
}
