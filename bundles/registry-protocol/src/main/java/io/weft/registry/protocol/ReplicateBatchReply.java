package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A follower's answer to a {@link ReplicateBatch}: when {@code success}, one {@link DataReply} per entry, in the
 * batch's order, each what the entry alone would have got. When not (a batch not taken as a whole: empty, too
 * large, or a failure of the follower), {@code message} says why and {@code replies} is empty.
 *
 * <p>A plain Hessian message: not thread-safe, not to be shared while it is filled.
 */
public final class ReplicateBatchReply implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean success;
    private String message;
    private List<DataReply> replies = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public ReplicateBatchReply() {
    }

    /** A batch not taken as a whole. */
    public static ReplicateBatchReply refused(String message) {
        ReplicateBatchReply reply = new ReplicateBatchReply();
        reply.setSuccess(false);
        reply.setMessage(message);
        return reply;
    }

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<DataReply> getReplies() {
        return replies;
    }

    public void setReplies(List<DataReply> replies) {
        this.replies = replies;
    }

    @Override
    public String toString() {
        return "ReplicateBatchReply{success=" + success + ", message='" + message + "', "
                + (replies == null ? 0 : replies.size()) + " replies}";
    }
}
