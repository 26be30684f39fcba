package io.weft.registry.data.notify;

import io.weft.registry.protocol.DatumChanged;
import java.util.ArrayList;
import java.util.List;

/**
 * Two notice channels as one, for connections of two kinds whose ids never collide (the sessions connected over
 * Bolt and those attached in-process): a notice goes on the channel that has the connection.
 */
public final class JoinedChannels implements NoticeChannel {

    private final NoticeChannel first;
    private final NoticeChannel second;

    public JoinedChannels(NoticeChannel first, NoticeChannel second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public List<String> connectionIds() {
        List<String> ids = new ArrayList<>(first.connectionIds());
        ids.addAll(second.connectionIds());
        return ids;
    }

    @Override
    public boolean isOpen(String connectionId) {
        return first.isOpen(connectionId) || second.isOpen(connectionId);
    }

    @Override
    public void send(String connectionId, List<DatumChanged> notices) throws Exception {
        if (second.isOpen(connectionId)) {
            second.send(connectionId, notices);
        } else {
            first.send(connectionId, notices);
        }
    }
}
