package io.weft.codec.hessian;

import com.caucho.hessian.io.SerializerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Class names that are never deserialised, whatever a caller's allow list says: the classes and
 * packages that published Java deserialisation gadget chains go through. Immutable and thread-safe.
 *
 * <p>Two sources, both always applied:
 * <ul>
 *   <li>Weft's own list below. An entry ending in {@code .} is a package and everything under it;
 *       any other entry is one class and its nested classes. The distinction matters in
 *       {@code java.lang}: {@code java.lang.Runtime} must not also catch {@code RuntimeException},
 *       which Bolt sends in every error response.</li>
 *   <li>The list sofa-hessian ships ({@code security/serialize.blacklist} inside the hessian jar,
 *       embedded in lib-sofa), matched the way the library matches it, as plain name prefixes. It is
 *       read once here rather than used through {@code NameBlackListFilter}, because that class keeps
 *       its verdicts in a JVM-wide static cache and its list can be replaced by any bundle through
 *       static setters ({@code NameBlackListFilterManager.rebuildBlackList}).</li>
 * </ul>
 */
final class ClassDenyList {

    /** Where sofa-hessian keeps its list, relative to its class loader. */
    static final String LIBRARY_LIST = "security/serialize.blacklist";

    private static final List<String> WEFT_LIST = List.of(
            // Command execution and class loading straight from the JDK
            "java.lang.Runtime",
            "java.lang.ProcessBuilder",
            "java.lang.Process",
            "java.lang.ProcessImpl",
            "java.lang.UNIXProcess",
            "java.lang.System",
            "java.lang.Thread",
            "java.lang.ThreadGroup",
            "java.lang.ClassLoader",
            // Hessian's ClassDeserializer calls Class.forName on a name from the stream, past the filter.
            "java.lang.Class",
            "java.lang.Module",
            "java.lang.reflect.",
            "java.lang.invoke.",
            "java.net.URLClassLoader",
            "java.beans.Expression",
            "java.beans.Statement",
            "java.beans.EventHandler",
            "java.util.ServiceLoader",
            "java.security.SignedObject",
            "java.rmi.",
            "sun.rmi.",
            "sun.misc.",
            "sun.reflect.",
            "jdk.internal.",
            "javax.naming.",
            "com.sun.jndi.",
            "javax.management.",
            "javax.script.",
            "javax.imageio.",
            "com.sun.rowset.",
            "com.sun.org.apache.",
            "org.apache.xalan.",
            "org.apache.bcel.",
            // Libraries with known chains
            "org.apache.commons.collections.functors.",
            "org.apache.commons.collections4.functors.",
            "org.apache.commons.beanutils.",
            "org.apache.commons.dbcp.",
            "org.apache.commons.dbcp2.",
            "org.apache.tomcat.dbcp.",
            "org.apache.ibatis.executor.loader.",
            "org.apache.xbean.naming.",
            "org.codehaus.groovy.runtime.",
            "groovy.lang.",
            "org.springframework.beans.factory.",
            "org.springframework.aop.",
            "org.springframework.jndi.",
            "org.springframework.transaction.jta.",
            "com.mchange.v2.c3p0.",
            "com.alibaba.druid.",
            "com.rometools.rome.feed.impl.",
            "com.sun.syndication.feed.impl.",
            "org.mozilla.javascript.",
            "org.python.",
            "clojure.",
            "bsh.",
            "javassist.",
            "net.bytebuddy.",
            "ch.qos.logback.core.db.",
            "org.yaml.snakeyaml.",
            "org.hibernate.engine.spi.",
            "org.hibernate.tuple.component.");

    private final List<String> prefixes;
    private final Set<String> classes;

    private ClassDenyList(List<String> prefixes, Set<String> classes) {
        this.prefixes = List.copyOf(prefixes);
        this.classes = Set.copyOf(classes);
    }

    /** Weft's list plus the one shipped inside sofa-hessian; fails if the library's list is missing. */
    static ClassDenyList builtIn() {
        List<String> prefixes = new ArrayList<>();
        Set<String> classes = new HashSet<>();
        for (String entry : WEFT_LIST) {
            if (entry.endsWith(".")) {
                prefixes.add(entry);
            } else {
                classes.add(entry);
            }
        }
        prefixes.addAll(readLibraryList());
        return new ClassDenyList(prefixes, classes);
    }

    /** @param className a plain class name (no array markers), as {@link HessianClassFilter} passes it */
    boolean denies(String className) {
        int nested = className.indexOf('$');
        String outer = nested < 0 ? className : className.substring(0, nested);
        if (classes.contains(outer)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> readLibraryList() {
        // The resource sits beside the hessian classes (inside lib-sofa in OSGi), so ask their loader.
        ClassLoader loader = SerializerFactory.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(LIBRARY_LIST)) {
            if (in == null) {
                throw new IllegalStateException("sofa-hessian's deny list " + LIBRARY_LIST
                        + " is missing beside " + SerializerFactory.class.getName()
                        + ": is lib-sofa built with hessian 3.3.x?");
            }
            List<String> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.trim();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sofa-hessian's deny list " + LIBRARY_LIST, e);
        }
    }
}
