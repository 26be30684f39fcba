package io.weft.codec.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HessianClassFilterTest {

    private final HessianClassFilter filter =
            new HessianClassFilter(ClassDenyList.builtIn(), List.of("com.example.", "java.util."));

    @Test
    @DisplayName("ARCHITECTURE §5: an allowed name is remembered, a refused one is refused again every time")
    void remembersOnlyAllowedNames() {
        assertNull(filter.refusal("com.example.Model"));
        assertNull(filter.refusal("com.example.Model"));
        assertEquals(1, filter.rememberedNames());

        for (int i = 0; i < 3; i++) {
            assertNotNull(filter.refusal("com.sun.rowset.JdbcRowSetImpl"));
            assertNotNull(filter.refusal("org.other.Outsider"));
        }
        assertEquals(1, filter.rememberedNames());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: past the bound of remembered names every name is still checked, and the set stops growing")
    void boundedMemory() {
        for (int i = 0; i < HessianClassFilter.REMEMBERED_NAMES + 100; i++) {
            assertNull(filter.refusal("com.example.Model" + i));
        }
        assertEquals(HessianClassFilter.REMEMBERED_NAMES, filter.rememberedNames());

        assertNull(filter.refusal("java.util.HashMap"));
        assertNotNull(filter.refusal("com.sun.rowset.JdbcRowSetImpl"));
        assertNotNull(filter.refusal("org.other.Outsider"));
        assertEquals(HessianClassFilter.REMEMBERED_NAMES, filter.rememberedNames());
    }
}
