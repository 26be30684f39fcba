package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The data server's answer to a {@link PublicationBatch}: when {@code success}, one {@link DataReply} per publish
 * and per unpublish, in the batch's order, each what the request alone would have got. When not (a batch the
 * server did not take as a whole: too large, malformed, or a failure of the server), {@code message} says why and
 * the lists are empty: every entry counts as refused with that message.
 *
 * <p>A plain Hessian message: not thread-safe, not to be shared while it is filled.
 */
public final class PublicationBatchReply implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean success;
    private String message;
    private List<DataReply> publishReplies = new ArrayList<>();
    private List<DataReply> unpublishReplies = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public PublicationBatchReply() {
    }

    /** A batch not taken as a whole. */
    public static PublicationBatchReply refused(String message) {
        PublicationBatchReply reply = new PublicationBatchReply();
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

    public List<DataReply> getPublishReplies() {
        return publishReplies;
    }

    /** Copies {@code replies} into an {@code ArrayList}; null means none. */
    public void setPublishReplies(List<DataReply> replies) {
        this.publishReplies = replies == null ? new ArrayList<>() : new ArrayList<>(replies);
    }

    public List<DataReply> getUnpublishReplies() {
        return unpublishReplies;
    }

    /** Copies {@code replies} into an {@code ArrayList}; null means none. */
    public void setUnpublishReplies(List<DataReply> replies) {
        this.unpublishReplies = replies == null ? new ArrayList<>() : new ArrayList<>(replies);
    }

    @Override
    public String toString() {
        return "PublicationBatchReply{success=" + success + ", message='" + message + "', "
                + (publishReplies == null ? 0 : publishReplies.size()) + " publish replies, "
                + (unpublishReplies == null ? 0 : unpublishReplies.size()) + " unpublish replies}";
    }
}
