package io.weft.monitor.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.weft.monitor.health.CheckResult;
import io.weft.monitor.health.ComponentStatus;
import io.weft.monitor.health.HealthReport;

/**
 * The JSON body of {@code /health}. Built as a tree, field by field, so the wire format is spelled out
 * here and does not change with the Java types behind it.
 */
final class HealthJson {

    private final ObjectMapper mapper = new ObjectMapper();

    String write(HealthReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("status", report.status().name());
        ObjectNode node = root.putObject("node");
        node.put("home", report.home());
        node.put("roles", report.roles());
        node.put("uptimeSeconds", report.uptimeSeconds());
        ArrayNode components = root.putArray("components");
        for (ComponentStatus c : report.components()) {
            components.addObject()
                    .put("name", c.name())
                    .put("bundle", c.bundle())
                    .put("state", c.state().name());
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : report.checks()) {
            checks.addObject()
                    .put("name", c.name())
                    .put("status", c.status().name())
                    .put("detail", c.detail());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
