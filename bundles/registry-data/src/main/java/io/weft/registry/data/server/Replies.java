package io.weft.registry.data.server;

import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumVersions;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.ReplyMessages;

/** The replies of the sessions' port when it says no: {@code success=false} and a reason (decision record 0021). */
public final class Replies {

    private Replies() {
    }

    static DataReply notLeader(int slotId, String leader) {
        DataReply reply = DataReply.refused(ReplyMessages.notLeaderOfSlot(slotId));
        reply.setSlotLeader(leader);
        return reply;
    }

    public static DatumView refusedView(String message) {
        DatumView view = new DatumView();
        view.setSuccess(false);
        view.setMessage(message);
        return view;
    }

    public static DatumVersions refusedVersions(String message) {
        DatumVersions versions = new DatumVersions();
        versions.setSuccess(false);
        versions.setMessage(message);
        return versions;
    }
}
