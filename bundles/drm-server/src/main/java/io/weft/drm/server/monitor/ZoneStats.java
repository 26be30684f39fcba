package io.weft.drm.server.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.weft.drm.server.cache.AttributeId;
import io.weft.drm.server.connection.ClientSession;

/**
 * The connections of this node per zone (DRM-19): for each zone, the connections, distinct instanceIds
 * and distinct configuration items (instance and key) its clients listen to.
 */
public record ZoneStats(String zone, int connections, int instanceIds, int configItems) {

    public static final String DEFAULT_ZONE = "DEFAULT_ZONE";

    /** One entry per zone with connections, by zone name; clients without a zone count as {@value #DEFAULT_ZONE}. */
    public static List<ZoneStats> of(Iterable<ClientSession> sessions) {
        Map<String, int[]> connections = new TreeMap<>();
        Map<String, Set<String>> instances = new HashMap<>();
        Map<String, Set<AttributeId>> items = new HashMap<>();
        for (ClientSession s : sessions) {
            String zone = s.zone() == null || s.zone().isEmpty() ? DEFAULT_ZONE : s.zone();
            connections.computeIfAbsent(zone, z -> new int[1])[0]++;
            instances.computeIfAbsent(zone, z -> new HashSet<>()).add(s.instanceId());
            Set<AttributeId> zoneItems = items.computeIfAbsent(zone, z -> new HashSet<>());
            for (String key : s.keys()) {
                zoneItems.add(new AttributeId(s.instanceId(), key));
            }
        }
        List<ZoneStats> list = new ArrayList<>();
        connections.forEach((zone, n) -> list.add(new ZoneStats(zone, n[0], instances.get(zone).size(),
                items.get(zone).size())));
        return list;
    }

    /** The drm-monitor.log line: {@code [monitorZone]total;zone;instanceIds;configItems;zoneConnections;}. */
    public String line(int totalConnections) {
        return "[monitorZone]" + totalConnections + ";" + zone + ";" + instanceIds + ";" + configItems + ";"
                + connections + ";";
    }
}
