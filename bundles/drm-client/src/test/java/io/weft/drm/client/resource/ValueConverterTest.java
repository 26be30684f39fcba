package io.weft.drm.client.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValueConverterTest {

    @Test
    @DisplayName("DRM-26: pushed text converts to String, primitives, wrappers, enums and BigDecimal")
    void converts() throws Exception {
        assertEquals("a b", ValueConverter.convert("a b", String.class));
        assertEquals(42, ValueConverter.convert(" 42 ", int.class));
        assertEquals(42L, ValueConverter.convert("42", Long.class));
        assertEquals(true, ValueConverter.convert("TRUE", boolean.class));
        assertEquals(0.5d, ValueConverter.convert("0.5", double.class));
        assertEquals('x', ValueConverter.convert("x", char.class));
        assertEquals(new BigDecimal("1.50"), ValueConverter.convert("1.50", BigDecimal.class));
        assertEquals(TimeUnit.SECONDS, ValueConverter.convert("seconds", TimeUnit.class));
        assertNull(ValueConverter.convert(null, Integer.class));
    }

    @Test
    @DisplayName("DRM-26: text that does not fit is refused with a message naming the value and the type")
    void refuses() {
        ConversionException e = assertThrows(ConversionException.class, () -> ValueConverter.convert("lots", int.class));
        assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
        assertThrows(ConversionException.class, () -> ValueConverter.convert("yes", boolean.class));
        assertThrows(ConversionException.class, () -> ValueConverter.convert(null, int.class));
        e = assertThrows(ConversionException.class, () -> ValueConverter.convert("WEEKS", TimeUnit.class));
        assertTrue(e.getMessage().contains("SECONDS"), e.getMessage());
    }
}
