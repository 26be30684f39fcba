package io.weft.console.registry.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderRuleTest {

    private static ProviderRule rule(String host, boolean disabled, Integer weight) {
        return new ProviderRule("DEFAULT_INSTANCE_ID", "com.example.Echo:1.0@DEFAULT", host, 12200, disabled, weight);
    }

    @Test
    @DisplayName("REG-66, REG-68: a disabled provider is override://host:port?disabled=true[&weight=N]; a re-weighted one ?weight=N")
    void overrideUrls() {
        assertEquals("override://10.0.0.5:12200?disabled=true", rule("10.0.0.5", true, null).overrideUrl());
        assertEquals("override://10.0.0.5:12200?disabled=true&weight=5", rule("10.0.0.5", true, 5).overrideUrl());
        assertEquals("override://10.0.0.5:12200?weight=0", rule("10.0.0.5", false, 0).overrideUrl());
        assertFalse(rule("10.0.0.5", false, null).inEffect());
    }

    @Test
    @DisplayName("CON-5, REG-65: a service's rules in effect are one datum joined by '#'; none left removes the datum")
    void datum() {
        assertEquals("override://10.0.0.5:12200?disabled=true#override://10.0.0.6:12200?weight=20",
                ProviderRule.datum(List.of(rule("10.0.0.5", true, null), rule("10.0.0.7", false, null),
                        rule("10.0.0.6", false, 20))));
        assertNull(ProviderRule.datum(List.of(rule("10.0.0.5", false, null))));
    }
}
