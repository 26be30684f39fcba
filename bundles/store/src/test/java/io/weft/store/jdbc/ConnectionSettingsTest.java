package io.weft.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    @DisplayName("SQL-looking database names, hosts and schemas are refused with the property named")
    void refusesSqlLookingInput() {
        for (String name : new String[] {"weft; DROP TABLE t", "weft'--", "../weft", "Weft", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConnectionSettings.builder(name, DatabaseType.EMBEDDED_DERBY).derbyRoot(Path.of("/d"))
                            .build());
            assertTrue(e.getMessage().contains("name"), e.getMessage());
        }
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> ConnectionSettings.builder("weft", DatabaseType.MYSQL).host("db;x=1").build());
        assertTrue(host.getMessage().contains("host"), host.getMessage());
        IllegalArgumentException db = assertThrows(IllegalArgumentException.class,
                () -> ConnectionSettings.builder("weft", DatabaseType.MYSQL).database("weft?allowLoadLocalInfile=true")
                        .build());
        assertTrue(db.getMessage().contains("database"), db.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatabaseType.of("oracle"));
        assertThrows(IllegalArgumentException.class,
                () -> ConnectionSettings.builder("weft", DatabaseType.NETWORK_DERBY).url("jdbc:derby://x/y").build());
    }

    @Test
    @DisplayName("Defaults: the type's port, the name as database, embedded files under data/derby/<name>")
    void defaults() {
        assertEquals(1527, ConnectionSettings.builder("weft", DatabaseType.NETWORK_DERBY).build().port());
        ConnectionSettings mysql = ConnectionSettings.builder("drm", DatabaseType.MYSQL).build();
        assertEquals(3306, mysql.port());
        assertEquals("drm", mysql.database());
        assertEquals("jdbc:mariadb://127.0.0.1:3306/drm", DataSources.mariadbUrl(mysql));
        assertEquals(Path.of("/home/data/derby/weft"), ConnectionSettings
                .builder("weft", DatabaseType.EMBEDDED_DERBY).derbyRoot(Path.of("/home/data/derby")).build()
                .derbyFolder());
    }

    @Test
    @DisplayName("Logs and health show where the database is, never its password")
    void describeHidesPassword() {
        ConnectionSettings s = ConnectionSettings.builder("weft", DatabaseType.MYSQL)
                .url("jdbc:mysql://db:3306/weft?user=weft&password=s3cret&useSsl=true").password("other").build();
        assertFalse(s.describe().contains("s3cret"), s.describe());
        assertFalse(s.toString().contains("other"), s.toString());
        assertTrue(s.describe().contains("jdbc:mysql://db:3306/weft"), s.describe());
        assertEquals("jdbc:mariadb://db:3306/weft?user=weft&password=s3cret&useSsl=true", DataSources.mariadbUrl(s));
    }
}
