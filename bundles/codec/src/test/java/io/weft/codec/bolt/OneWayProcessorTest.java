package io.weft.codec.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OneWayProcessorTest {

    @Test
    @DisplayName("0021: a one-way processor routes by its class's name, reads with the given loader, hands each"
            + " message on, answers nothing and drops an empty body")
    void handsOnAndAnswersNothing() {
        List<String> seen = new ArrayList<>();
        ClassLoader loader = new ClassLoader() { };
        OneWayProcessor<String> processor = new OneWayProcessor<>(String.class, loader, seen::add);

        assertEquals("java.lang.String", processor.interest());
        assertSame(loader, processor.getBizClassLoader());
        assertNull(processor.handleRequest(null, "notice"));
        assertNull(processor.handleRequest(null, null));
        assertEquals(List.of("notice"), seen);
    }
}
