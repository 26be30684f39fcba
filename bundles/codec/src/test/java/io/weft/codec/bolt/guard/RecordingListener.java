package io.weft.codec.bolt.guard;

import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The refusals a guard reported, as {@code "REASON remote: detail"} lines. */
final class RecordingListener implements RefusalListener {

    final List<String> frames = new CopyOnWriteArrayList<>();
    final List<String> connections = new CopyOnWriteArrayList<>();

    @Override
    public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
        frames.add(reason + " " + RemoteAddress.text(remote) + ": " + detail);
    }

    @Override
    public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
        connections.add(reason + " " + RemoteAddress.text(remote) + ": " + limit);
    }

    long frames(FrameRefusal reason) {
        return frames.stream().filter(line -> line.startsWith(reason + " ")).count();
    }

    long connections(ConnectionRefusal reason) {
        return connections.stream().filter(line -> line.startsWith(reason + " ")).count();
    }

    /** The frame refusals containing all of {@code parts}. */
    List<String> framesWith(String... parts) {
        return frames.stream().filter(line -> List.of(parts).stream().allMatch(line::contains)).toList();
    }
}
