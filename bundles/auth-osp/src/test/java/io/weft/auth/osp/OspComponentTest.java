package io.weft.auth.osp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification.Reason;
import io.weft.auth.osp.admin.NewAccessKey;
import io.weft.auth.osp.testing.Derby;
import io.weft.testing.MutableClock;

class OspComponentTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:02:30Z");

    @TempDir
    Path home;

    private final Derby db = Derby.memory();
    private final MutableClock clock = new MutableClock(NOW);

    @org.junit.jupiter.api.BeforeEach
    void schema() {
        // In a node the store applies db/migration/osp before activation; here the same script.
        io.weft.auth.osp.store.SchemaInstaller.ensureSchema(db);
    }

    private static OspConfig config(long skewSeconds, boolean bootstrap) {
        return new OspConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OspConfig.class;
            }

            @Override
            public long clockSkewSeconds() {
                return skewSeconds;
            }

            @Override
            public boolean bootstrapDefaultInstance() {
                return bootstrap;
            }

            @Override
            public int replayCacheSize() {
                return 1000;
            }
        };
    }

    @Test
    @DisplayName("CON-20: activation creates the master key and the default instance; a restart keeps them")
    void activation() throws IOException {
        OspComponent first = new OspComponent(home, config(300, true), db, clock);
        assertTrue(Files.exists(home.resolve("data/osp/master.key")));
        assertEquals(Set.of("SOFAREGISTRY", "DRM", "SCHEDULER", "SOFAKAFKA"),
                first.instance("default").orElseThrow().products());
        NewAccessKey key = first.createAccessKey("default", List.of("*"));

        OspComponent second = new OspComponent(home, config(300, true), db, clock);
        assertEquals(1, second.instances().size());
        long ts = NOW.toEpochMilli();
        String sig = RequestSigning.sign(key.secretKey(), RequestSigning.stringToSign("default", ts, ""));
        assertTrue(second.verify(SignedRequest.oneShot(key.key().accessKeyId(), null, ts, sig, "default", "", null))
                .isAccepted(), "the secret stored by the first activation is readable after a restart");
    }

    @Test
    @DisplayName("CON-20: without bootstrap no instance is created")
    void noBootstrap() throws IOException {
        assertTrue(new OspComponent(home, config(300, false), db, clock).instances().isEmpty());
    }

    @Test
    @DisplayName("CON-22: a new clock skew window applies without restart")
    void modifiedSkew() throws IOException {
        OspComponent osp = new OspComponent(home, config(300, true), db, clock);
        NewAccessKey key = osp.createAccessKey("default", List.of("*"));
        long ts = NOW.minusSeconds(120).toEpochMilli();
        String sig = RequestSigning.sign(key.secretKey(), RequestSigning.stringToSign("default", ts, ""));
        SignedRequest r = SignedRequest.registryRegistration(key.key().accessKeyId(), null, ts, sig, "default", null);
        // Registry granularity alone is five minutes: use a one-shot request to see the skew only.
        SignedRequest exact = new SignedRequest(r.accessKeyId(), null, ts, sig, "default", "", null,
                java.time.Duration.ZERO, false);
        assertTrue(osp.verify(exact).isAccepted());
        osp.modified(config(60, true));
        assertEquals(Reason.EXPIRED, osp.verify(exact).reason());
    }
}
