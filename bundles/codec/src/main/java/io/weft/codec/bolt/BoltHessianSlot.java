package io.weft.codec.bolt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.alipay.remoting.exception.CodecException;
import com.alipay.remoting.serialization.Serializer;
import com.alipay.remoting.serialization.SerializerManager;

import io.weft.codec.hessian.SafeHessian;

/**
 * Owns Bolt's Hessian codec byte while it is open: installs a serializer that hands each frame to the
 * registered {@link SafeHessian} whose allowed prefix matches the frame's class name most specifically (on
 * equal prefixes the latest registration: a restarted service takes over the classes from its previous instance,
 * which may keep its registration open a moment longer, as the registry session does while it hands its clients
 * over), and puts Bolt's previous serializer back on {@link #close()}. A frame no registration allows is refused with
 * the class named, before its body is parsed. One instance per framework: the OSGi component of this bundle,
 * or a test that runs Bolt servers without OSGi.
 */
public final class BoltHessianSlot implements BoltHessian, AutoCloseable {

    /** How many class names {@link #readerOf} remembers the answer for, until the registrations change. */
    static final int REMEMBERED_NAMES = 256;

    private final List<Reader> registered = new CopyOnWriteArrayList<>();
    /**
     * Class name to the registration reading it, for names seen since the registrations last changed. Every frame
     * names its class, and the same few come again and again. Replaced, never cleared, when a registration comes
     * or goes: a look-up that read the registrations before the change can only store into the map it began with,
     * which is then discarded. Bounded because the names come from the wire.
     */
    private volatile Map<String, Reader> readers = new ConcurrentHashMap<>();
    private final Serializer router = new Router();
    private final Serializer previous;
    private volatile boolean closed;

    private BoltHessianSlot(Serializer previous) {
        this.previous = previous;
    }

    /** Takes Bolt's Hessian codec byte. */
    public static BoltHessianSlot open() {
        Serializer previous = SerializerManager.getSerializer(SerializerManager.Hessian2);
        BoltHessianSlot slot = new BoltHessianSlot(previous);
        SerializerManager.addSerializer(SerializerManager.Hessian2, slot.router);
        return slot;
    }

    @Override
    public Registration register(SafeHessian hessian, Refusals refused) {
        if (hessian == null || refused == null) {
            throw new IllegalArgumentException("hessian and refused are required");
        }
        if (closed) {
            throw new IllegalStateException("Bolt's Hessian slot is closed");
        }
        Reader reader = new Reader(new SafeBoltSerializer(hessian), hessian, refused);
        registered.add(reader);
        readers = new ConcurrentHashMap<>();
        return () -> {
            registered.remove(reader);
            readers = new ConcurrentHashMap<>();
        };
    }

    /** One registration: the serializer it reads with and whom it tells of refusals. */
    private record Reader(SafeBoltSerializer serializer, SafeHessian hessian, Refusals refused) {
    }

    /** Gives the codec byte back to what held it before, unless someone replaced this slot meanwhile. */
    @Override
    public void close() {
        closed = true;
        registered.clear();
        readers = new ConcurrentHashMap<>();
        if (previous != null && SerializerManager.getSerializer(SerializerManager.Hessian2) == router) {
            SerializerManager.addSerializer(SerializerManager.Hessian2, previous);
        }
    }

    /** The registration reading {@code className}: the one with the longest allowed prefix of it, the latest on a tie. */
    SafeHessian reader(String className) {
        Reader reader = readerOf(className);
        return reader == null ? null : reader.hessian();
    }

    private Reader readerOf(String className) {
        if (className == null) {
            return null;
        }
        Map<String, Reader> known = readers;
        Reader reader = known.get(className);
        if (reader == null) {
            reader = searchReader(className);
            if (reader != null && known.size() < REMEMBERED_NAMES) {
                known.put(className, reader);
            }
        }
        return reader;
    }

    /**
     * The registration that writes {@code value}: the one reading its class; else the one whose class loader
     * defined the class (a service's answers, which it writes and never reads); else the first. A writer's Hessian
     * serializer cache keeps every class it wrote for as long as the writer is registered. Before, answers no
     * registration reads went to the first registration (the registry meta's), which then kept the registry
     * session's {@code RegisterResponse} and {@code ReceivedData} classes: after an in-place update of the session,
     * its old revision, with its class loader and every class of it, for the life of the process.
     */
    SafeHessian writer(Object value) {
        Reader writer = writerOf(value);
        return writer == null ? null : writer.hessian();
    }

    private Reader writerOf(Object value) {
        Class<?> type = value == null ? null : value.getClass();
        Reader reader = type == null ? null : readerOf(type.getName());
        if (reader != null) {
            return reader;
        }
        ClassLoader loader = type == null ? null : type.getClassLoader();
        Reader first = null;
        for (Reader candidate : registered) {
            if (loader != null && candidate.hessian().classLoader() == loader) {
                return candidate;
            }
            if (first == null) {
                first = candidate;
            }
        }
        return first;
    }

    /** Names {@link #readerOf} remembers now, for tests. */
    int rememberedNames() {
        return readers.size();
    }

    private Reader searchReader(String className) {
        Reader best = null;
        int bestLength = -1;
        for (Reader reader : registered) {
            for (String prefix : reader.hessian().allowedPrefixes()) {
                if (className.startsWith(prefix) && prefix.length() >= bestLength) {
                    best = reader;
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    private final class Router implements Serializer {

        @Override
        public byte[] serialize(Object obj) throws CodecException {
            Reader writer = writerOf(obj);
            if (writer == null) {
                throw new CodecException("no Bolt service of this node writes Hessian now");
            }
            return writer.serializer().serialize(obj);
        }

        @Override
        public <T> T deserialize(byte[] data, String classOfT) throws CodecException {
            Reader reader = readerOf(classOfT);
            if (reader == null) {
                throw new CodecException("Hessian payload refused: class " + classOfT
                        + " is read by no Bolt service of this node");
            }
            try {
                return reader.serializer().deserialize(data, classOfT);
            } catch (CodecException e) {
                reader.refused().refused(classOfT, e.getMessage());
                throw e;
            }
        }
    }
}
