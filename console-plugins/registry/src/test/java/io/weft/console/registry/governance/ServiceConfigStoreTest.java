package io.weft.console.registry.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.weft.store.TestDatabases;
import io.weft.store.database.StoreDatabase;

/**
 * The console's service_config / service_info on the node's embedded Derby, and on MariaDB/MySQL when
 * {@value TestDatabases#MARIADB_ENV} names one (its schema emptied first), migrated as the node migrates it.
 */
class ServiceConfigStoreTest {

    private static final String INSTANCE = "default";
    private static final String SERVICE = "com.example.EchoService:1.0@DEFAULT";

    @TempDir
    Path home;
    private StoreDatabase database;

    static Stream<String> backends() {
        return TestDatabases.backends();
    }

    /** A fresh, empty database of {@code backend} with the console's tables made by the node's own migrations. */
    private void open(String backend) throws Exception {
        // Creating the database is the slow part; on a busy shared CI machine it can take more than the default 10 s.
        database = TestDatabases.open(backend, home, Duration.ofSeconds(60));
        ServiceConfigStore.open(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("CON-5: two first saves of one provider at the same moment both succeed and leave one row (no duplicate-key error)")
    void concurrentFirstSavesOfOneProvider(String backend) throws Exception {
        open(backend);
        // Both transactions are held right after their first UPDATE found no row, so both go on to INSERT: the
        // race of two operators (or two consoles sharing MariaDB) saving a provider nobody governed before. Derby
        // fails the later INSERT on the key; InnoDB, whose empty UPDATEs both locked the gap, makes one INSERT the
        // deadlock victim (1213). Either loser is rolled back and must be run again by the store.
        CyclicBarrier bothUpdated = new CyclicBarrier(2);
        ServiceConfigStore store = new ServiceConfigStore(
                holdingFirstUpdates(database.dataSource(), "UPDATE service_info", bothUpdated), Clock.systemUTC());
        ProviderRule disable = new ProviderRule(INSTANCE, SERVICE, "10.0.0.5", 12200, true, null);
        ProviderRule weigh = new ProviderRule(INSTANCE, SERVICE, "10.0.0.5", 12200, true, 50);

        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            Future<List<ProviderRule>> alice = operators.submit(() -> store.save(disable, "echo-app", "alice"));
            Future<List<ProviderRule>> bob = operators.submit(() -> store.save(weigh, "echo-app", "bob"));
            List<ProviderRule> afterAlice = alice.get(60, TimeUnit.SECONDS);
            List<ProviderRule> afterBob = bob.get(60, TimeUnit.SECONDS);
            assertEquals(1, afterAlice.size(), afterAlice.toString());
            assertEquals(1, afterBob.size(), afterBob.toString());
        } finally {
            operators.shutdownNow();
        }

        assertEquals(1, count("service_config"), "one row for the provider");
        assertEquals(1, count("service_info"), "one row for the service");
        List<ProviderRule> stored = store.rules(INSTANCE, SERVICE);
        assertEquals(1, stored.size(), stored.toString());
        // Whichever committed last wins; both saved the same provider disabled.
        assertTrue(List.of(disable, weigh).contains(stored.get(0)), stored.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("CON-5: two first saves of two providers of one service at the same moment both succeed, one service_info"
            + " row, and the later one answers both rules")
    void concurrentFirstSavesOfOneService(String backend) throws Exception {
        open(backend);
        CyclicBarrier bothUpdated = new CyclicBarrier(2);
        ServiceConfigStore store = new ServiceConfigStore(
                holdingFirstUpdates(database.dataSource(), "UPDATE service_info", bothUpdated), Clock.systemUTC());
        List<ProviderRule> first;
        List<ProviderRule> second;
        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            Future<List<ProviderRule>> a = operators.submit(() -> store.save(
                    new ProviderRule(INSTANCE, SERVICE, "10.0.0.5", 12200, true, null), "echo-app", "alice"));
            Future<List<ProviderRule>> b = operators.submit(() -> store.save(
                    new ProviderRule(INSTANCE, SERVICE, "10.0.0.6", 12200, true, null), "echo-app", "bob"));
            first = a.get(60, TimeUnit.SECONDS);
            second = b.get(60, TimeUnit.SECONDS);
        } finally {
            operators.shutdownNow();
        }
        assertEquals(2, count("service_config"));
        assertEquals(1, count("service_info"));
        assertEquals(2, store.rules(INSTANCE, SERVICE).size());
        // The save committed second read the first one's rule: the datum it pushes holds both providers.
        assertEquals(2, Math.max(first.size(), second.size()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("CON-5, REG-66: a provider disabled without a weight reads back without one, so its override is"
            + " disabled=true alone (not weight=0)")
    void disabledWithoutWeight(String backend) throws Exception {
        open(backend);
        ServiceConfigStore store = new ServiceConfigStore(database.dataSource(), Clock.systemUTC());
        ProviderRule disable = new ProviderRule(INSTANCE, SERVICE, "10.0.0.5", 12200, true, null);
        assertEquals(List.of(disable), store.save(disable, "echo-app", "alice"));
        assertEquals("override://10.0.0.5:12200?disabled=true", ProviderRule.datum(store.rules(INSTANCE, SERVICE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("CON-5: a later save of a provider updates its row, and a withdrawn rule is no longer in effect")
    void saveThenWithdraw(String backend) throws Exception {
        open(backend);
        ServiceConfigStore store = new ServiceConfigStore(database.dataSource(), Clock.systemUTC());
        store.save(new ProviderRule(INSTANCE, SERVICE, "10.0.0.5", 12200, true, 20), "echo-app", "alice");
        List<ProviderRule> after = store.save(new ProviderRule(INSTANCE, SERVICE, "10.0.0.5", 12200, false, null),
                "echo-app", "alice");
        assertEquals(List.of(), after);
        assertEquals(1, count("service_config"));
    }

    private int count(String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    /**
     * {@code dataSource} whose first two statements starting with {@code sql} wait for each other once executed,
     * inside their transactions; later ones (the retries) run freely.
     */
    private static DataSource holdingFirstUpdates(DataSource dataSource, String sql, CyclicBarrier barrier) {
        AtomicInteger held = new AtomicInteger();
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (!"getConnection".equals(method.getName())) {
                return result;
            }
            return proxy(Connection.class, (Connection) result, (connection, m, a) -> {
                Object statement = m.invoke(connection, a);
                if (!"prepareStatement".equals(m.getName()) || !((String) a[0]).startsWith(sql)) {
                    return statement;
                }
                return proxy(PreparedStatement.class, (PreparedStatement) statement, (s, sm, sa) -> {
                    Object value = sm.invoke(s, sa);
                    if ("executeUpdate".equals(sm.getName()) && held.incrementAndGet() <= 2) {
                        barrier.await(30, TimeUnit.SECONDS);
                    }
                    return value;
                });
            });
        });
    }

    /** What a proxy does with each call on its target. */
    private interface Call<T> {
        Object on(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return call.on(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(ServiceConfigStoreTest.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
