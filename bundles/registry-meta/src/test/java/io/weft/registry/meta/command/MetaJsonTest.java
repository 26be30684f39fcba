package io.weft.registry.meta.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.meta.state.PersistentDatum;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;
import io.weft.registry.meta.state.SlotAssigner;

class MetaJsonTest {

    private final MetaJson json = new MetaJson();

    @Test
    @DisplayName("REG-5: every command survives its JSON log form")
    void commandsRoundTrip() throws IOException {
        List<MetaCommand> commands = List.of(
                new RegisterNode(NodeRole.DATA, "10.0.0.1", "dc1", 42),
                new RenewNode(NodeRole.SESSION, "10.0.0.2", "dc1", 43),
                new EvictNodes(NodeRole.DATA, List.of("10.0.0.1"), 40),
                new SetPushSwitch(PushSwitch.CLOSED),
                new PutPersistentData("d@DEFAULT", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID", 7, "override://x"),
                new RemovePersistentData("d@DEFAULT", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID"));
        for (MetaCommand c : commands) {
            assertEquals(c, json.readCommand(json.writeCommand(c)));
        }
    }

    @Test
    @DisplayName("REG-5: a log entry naming an unknown type or a Java class is rejected")
    void closedSetOfTypes() {
        assertThrows(IOException.class, () -> json.readCommand(
                "{\"type\":\"java.lang.Runtime\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> json.readCommand(
                "{\"type\":\"putPersistentData\",\"dataId\":\"\",\"group\":\"g\",\"instanceId\":\"i\",\"version\":1,\"data\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("REG-7: the snapshot JSON restores the same state")
    void stateRoundTrip() throws IOException {
        MetaModel model = new MetaModel(new SlotAssigner(8, 2));
        model.register(NodeRole.DATA, "a", "dc1", 1);
        model.register(NodeRole.DATA, "b", "dc1", 2);
        model.register(NodeRole.SESSION, "s", "dc1", 3);
        model.setPushSwitch(PushSwitch.CLOSED);
        model.putPersistentData(new PersistentKey("d", "g", "i"), new PersistentDatum(9, "v"));
        assertEquals(model.state(), json.readState(json.writeState(model.state())));
    }
}
