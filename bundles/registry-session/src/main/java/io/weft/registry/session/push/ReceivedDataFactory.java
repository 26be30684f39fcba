package io.weft.registry.session.push;

import com.alipay.sofa.registry.core.model.DataBox;
import com.alipay.sofa.registry.core.model.ReceivedConfigData;
import com.alipay.sofa.registry.core.model.ReceivedData;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import io.weft.registry.session.data.PersistentDatum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the push messages the client reads (RCP-11, RCP-19), with plain mutable JDK collections. */
final class ReceivedDataFactory {

    private ReceivedDataFactory() {
    }

    /**
     * @param segment the data center of this session (the client keeps segments it was told of, RCP-9)
     * @param key     scope {@code zone} limits the data to the subscribers' own zone
     */
    static ReceivedData receivedData(Datum datum, PushKey key, List<String> registIds, String segment) {
        Map<String, List<DataBox>> data = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        datum.dataByZone().forEach((zone, values) -> {
            if ("zone".equals(key.scope()) && !zone.equals(key.zone())) {
                return;
            }
            List<DataBox> boxes = new ArrayList<>(values.size());
            values.forEach(value -> boxes.add(new DataBox(value)));
            data.put(zone, boxes);
            counts.put(zone, boxes.size());
        });
        DataInfoId id = datum.id();
        ReceivedData received = new ReceivedData();
        received.setDataId(id.dataId());
        received.setGroup(id.group());
        received.setInstanceId(id.instanceId());
        received.setSegment(segment);
        received.setScope(key.scope());
        received.setSubscriberRegistIds(new ArrayList<>(registIds));
        received.setData(data);
        received.setDataCount(counts);
        received.setVersion(datum.version());
        received.setLocalZone(key.zone());
        return received;
    }

    /** @param value null when nothing was ever written: an empty value at version 0 */
    static ReceivedConfigData receivedConfigData(DataInfoId id, PersistentDatum value, List<String> registIds) {
        ReceivedConfigData received = new ReceivedConfigData();
        received.setDataId(id.dataId());
        received.setGroup(id.group());
        received.setInstanceId(id.instanceId());
        received.setConfiguratorRegistIds(new ArrayList<>(registIds));
        received.setDataBox(new DataBox(value == null ? null : value.data()));
        received.setVersion(value == null ? 0L : value.version());
        return received;
    }
}
