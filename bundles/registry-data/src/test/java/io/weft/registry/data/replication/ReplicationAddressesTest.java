package io.weft.registry.data.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplicationAddressesTest {

    @Test
    @DisplayName("REG-53: with the seed's ports every data server replicates to 9621 of the other's host")
    void seedPorts() {
        ReplicationAddresses addresses = ReplicationAddresses.sameOffset(9620, 9621);
        assertEquals("10.0.0.2:9621", addresses.of("10.0.0.2:9620"));
    }

    @Test
    @DisplayName("REG-53: two data servers on one host, 9620/9621 and 9630/9631, each find the other's replication port")
    void sameHostOtherPorts() {
        assertEquals("127.0.0.1:9631", ReplicationAddresses.sameOffset(9620, 9621).of("127.0.0.1:9630"));
        assertEquals("127.0.0.1:9621", ReplicationAddresses.sameOffset(9630, 9631).of("127.0.0.1:9620"));
        assertEquals("[::1]:9631", ReplicationAddresses.sameOffset(9620, 9621).of("[::1]:9630"));
    }

    @Test
    @DisplayName("A slot table address without a port is refused with the address named")
    void noPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplicationAddresses.sameOffset(9620, 9621).of("datahost"));
        assertEquals("not host:port: datahost", e.getMessage());
    }
}
