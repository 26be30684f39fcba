package io.weft.registry.session.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.RegisterResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandOverAnswerTest {

    @Test
    @DisplayName("RCP-14: a registration acknowledged during a hand-over is answered as a success for its id and"
            + " version")
    void answersThisSessionsRegistration() {
        PublisherRegister register = new PublisherRegister();
        register.setRegistId("p1");
        register.setVersion(7L);

        RegisterResponse answer = HandOverAnswer.to(register);

        assertTrue(answer.isSuccess());
        assertFalse(answer.isRefused());
        assertEquals("p1", answer.getRegistId());
        assertEquals(7L, answer.getVersion());
    }

    @Test
    @DisplayName("RCP-14: one read with the next session's copy of the model classes is answered the same")
    void answersTheNextSessionsCopy() {
        RegisterResponse answer = HandOverAnswer.to(new NextSessionsCopy("p2", 9L));

        assertTrue(answer.isSuccess());
        assertEquals("p2", answer.getRegistId());
        assertEquals(9L, answer.getVersion());
    }

    /** Stands for the same model class loaded by the next session's bundle: same getters, another class. */
    public static final class NextSessionsCopy {
        private final String registId;
        private final Long version;

        NextSessionsCopy(String registId, Long version) {
            this.registId = registId;
            this.version = version;
        }

        public String getRegistId() {
            return registId;
        }

        public Long getVersion() {
            return version;
        }
    }
}
