package io.weft.registry.session.realclient;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts real clients: {@code registry-client-all} 6.5.6 with the Bolt 1.6.2, sofa-hessian 3.3.8,
 * sofa-common-tools and netty-all its pom names (copied to {@code target/real-client} by the build), in a
 * child-first class loader, so the client shares no Bolt class, and so no static serializer table, with the
 * server under test. SLF4J comes from the test class path, so the client's log shows up in the test output.
 * The driver class is defined in that loader from the test classes.
 */
public final class RealClients implements AutoCloseable {

    private static final String DRIVER = "io.weft.registry.session.realclient.isolated.ClientDriver";
    private static final String DRIVER_PACKAGE = "io.weft.registry.session.realclient.isolated.";

    private final ChildFirstLoader loader;
    private final List<RealClient> started = new ArrayList<>();

    public RealClients() {
        String dir = System.getProperty("real.client.dir", "target/real-client");
        File[] jars = new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length < 5) {
            throw new IllegalStateException("the real client's jars are missing from " + dir + " (run through Maven)");
        }
        List<URL> urls = new ArrayList<>();
        for (File jar : jars) {
            try {
                urls.add(jar.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        loader = new ChildFirstLoader(urls.toArray(URL[]::new), RealClients.class.getClassLoader());
    }

    /**
     * A client that discovers its session server at {@code http://127.0.0.1:discoveryPort} (RCP-10, RCP-16),
     * as an unconfigured client does, and connects to what that answers.
     */
    public synchronized RealClient start(int discoveryPort, String appName, String accessKey, String secretKey) {
        try {
            RealClient client = (RealClient) loader.loadClass(DRIVER)
                    .getConstructor(String.class, int.class, String.class, String.class, String.class)
                    .newInstance("127.0.0.1", discoveryPort, appName, accessKey, secretKey);
            started.add(client);
            return client;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start a real client: " + e, e);
        }
    }

    public RealClient start(int discoveryPort, String appName) {
        return start(discoveryPort, appName, null, null);
    }

    @Override
    public synchronized void close() {
        started.forEach(RealClient::close);
        started.clear();
        // The loader stays open: the client's threads (it has no shutdown) still load classes while they wind down.
    }

    /** The client's own jars first; the driver from the test classes; JDK, SLF4J and RealClient from the parent. */
    private static final class ChildFirstLoader extends URLClassLoader {

        ChildFirstLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    if (name.startsWith(DRIVER_PACKAGE)) {
                        loaded = defineFromParent(name);
                    } else if (!name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("org.slf4j.")
                            && !name.equals(RealClient.class.getName())) {
                        try {
                            loaded = findClass(name);
                        } catch (ClassNotFoundException notMine) {
                            loaded = null;
                        }
                    }
                    if (loaded == null && isClientLibrary(name)) {
                        // Never mix the client's libraries with the test class path's (Bolt 1.6.7, Netty 4.1.128).
                        throw new ClassNotFoundException(name + " is not in the real client's jars");
                    }
                    if (loaded == null) {
                        loaded = getParent().loadClass(name);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private static boolean isClientLibrary(String name) {
            return name.startsWith("com.alipay.") || name.startsWith("io.netty.") || name.startsWith("com.caucho.");
        }

        @Override
        public URL getResource(String name) {
            URL mine = findResource(name);
            return mine != null ? mine : super.getResource(name);
        }

        private Class<?> defineFromParent(String name) throws ClassNotFoundException {
            String path = name.replace('.', '/') + ".class";
            try (InputStream in = getParent().getResourceAsStream(path)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
