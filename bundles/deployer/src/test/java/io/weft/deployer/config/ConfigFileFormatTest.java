package io.weft.deployer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Hashtable;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigFileFormatTest {

    @Test
    @DisplayName("a configuration saved in the console becomes a .cfg file that reads back to the same values")
    void roundTrip() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("service.pid", "io.weft.monitor");
        props.put("diskUsageThreshold", 5.0);
        props.put("evaluationIntervalSeconds", 60L);
        props.put("odd key=with:chars", "a value with = and\nnewline");
        props.put("list", new String[] {"a", "b"});
        String text = ConfigFileFormat.render(props, "header");
        assertTrue(text.startsWith("# header\n"));
        assertFalse(text.contains("service.pid"), "managed properties stay out of the file");
        Properties read = new Properties();
        read.load(new StringReader(text));
        assertEquals("5.0", read.getProperty("diskUsageThreshold"));
        assertEquals("60", read.getProperty("evaluationIntervalSeconds"));
        assertEquals("a value with = and\nnewline", read.getProperty("odd key=with:chars"));
        assertEquals("a,b", read.getProperty("list"));
    }
}
