package io.weft.registry.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a Bolt port or client of the registry cluster may deserialise: exactly the message classes of this package
 * plus the JDK values they hold (collections, boxed numbers, strings, and the exceptions Bolt carries in error
 * responses). Hand it to {@code io.weft.codec}'s {@code SafeHessian}; the codec's deny list of gadget classes wins
 * over it.
 *
 * <p>Bolt keeps one Hessian serializer for the whole JVM (decision record 0017), so a node that also serves
 * another protocol on Bolt must install one serializer allowing both: {@link #allowListWith}.
 */
public final class ProtocolClasses {

    /** Every message class of decision record 0021, requests and replies. */
    public static final List<Class<?>> MESSAGES = List.of(
            NodeHeartbeat.class, ClusterView.class, Ping.class, SlotTableView.class, SlotView.class,
            PersistentEntry.class,
            PublishRequest.class, PublisherEntry.class, UnpublishRequest.class, ClientOffRequest.class,
            DataReply.class, GetDatumRequest.class, DatumView.class, SessionLeaseRenew.class, DatumChanged.class,
            GetDatumVersionsRequest.class, DatumVersions.class,
            ReplicateRequest.class, SlotSyncRequest.class, SlotSnapshot.class,
            PublicationBatch.class, PublicationBatchReply.class, ViewChanged.class,
            DatumChangedBatch.class, ReplicateBatch.class, ReplicateBatchReply.class);

    /** The JDK packages the messages' values come from. */
    public static final List<String> JDK_VALUES = List.of("java.util.", "java.lang.");

    /** The allow list: the message class names, then {@link #JDK_VALUES}. */
    public static final List<String> ALLOWED = allowListWith(List.of());

    private ProtocolClasses() {
    }

    /**
     * This protocol's allow list followed by {@code others} (another protocol's classes on the same JVM), without
     * duplicates.
     */
    public static List<String> allowListWith(Collection<String> others) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        MESSAGES.forEach(type -> names.add(type.getName()));
        names.addAll(JDK_VALUES);
        names.addAll(others);
        return List.copyOf(new ArrayList<>(names));
    }

    /**
     * The class loader Hessian must read the messages with: a Bolt user processor returns it from
     * {@code getBizClassLoader()}, and a caller sets it as context class loader around {@code invokeSync}
     * (decision record 0015).
     */
    public static ClassLoader classLoader() {
        return ProtocolClasses.class.getClassLoader();
    }
}
