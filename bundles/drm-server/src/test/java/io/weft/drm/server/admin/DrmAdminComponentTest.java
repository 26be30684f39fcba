package io.weft.drm.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.drm.DrmException;
import io.weft.api.drm.PushResult;
import io.weft.drm.server.store.DrmTestDatabase;

class DrmAdminComponentTest {

    /** The configuration DS would hand the component, with the defaults but for the frame size. */
    private static DrmAdminConfig config(int maxFrameBytes) {
        return new DrmAdminConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DrmAdminConfig.class;
            }

            @Override
            public String dataCenter() {
                return "dc1";
            }

            @Override
            public int maxValueBytes() {
                return 65536;
            }

            @Override
            public long announceTimeoutMillis() {
                return 3000;
            }

            @Override
            public int nodeLiveSeconds() {
                return 15;
            }

            @Override
            public int maxFrameBytes() {
                return maxFrameBytes;
            }
        };
    }

    private static List<Thread> adminThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(DrmAdminComponent.THREAD_PREFIX + "-") && t.isAlive()).toList();
    }

    private static void awaitNoAdminThreads() throws InterruptedException {
        for (int i = 0; i < 200 && !adminThreads().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), adminThreads(), "no thread of the admin left");
    }

    @Test
    @DisplayName("DRM-29: activation migrates the DRM tables; a push works; deactivation leaves no thread behind")
    void lifecycle() throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.empty("derby")) {
            DrmAdminComponent admin = new DrmAdminComponent(config(1 << 20), db);
            try {
                DrmException unknown = assertThrows(DrmException.class,
                        () -> admin.push("default", "com.example.R:a", "v", "alice"));
                assertEquals(DrmException.Reason.UNKNOWN_ATTRIBUTE, unknown.reason());
                admin.declare("default", "com.example.R:a", "alice");
                PushResult r = admin.push("default", "com.example.R:a", "v", "alice");
                assertEquals(1, r.version());
                assertFalse(r.announced(), "no drmdata node in this database");
                assertEquals(List.of("default"), admin.instances());

                admin.modified(config(1 << 16));
                assertEquals(2, admin.push("default", "com.example.R:a", "w", "alice").version(),
                        "works on with the new sync client");
                assertEquals(0, db.migrate("drm", getClass().getClassLoader(), "db/migration/drm/derby"),
                        "already migrated");
            } finally {
                admin.deactivate();
            }
            awaitNoAdminThreads();

            DrmAdminComponent again = new DrmAdminComponent(config(1 << 20), db);
            try {
                assertTrue(again.attribute("default", "com.example.R:a").isPresent(), "the data outlives the component");
                assertEquals(2, again.history("default", "com.example.R:a", 10).size());
            } finally {
                again.deactivate();
            }
            awaitNoAdminThreads();
        }
    }
}
