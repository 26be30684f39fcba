package io.weft.registry.meta.raft;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.weft.registry.meta.command.MetaCommand;
import io.weft.registry.meta.command.MetaJson;
import io.weft.registry.meta.command.PutPersistentData;
import io.weft.registry.meta.command.RemovePersistentData;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.state.CommandResult;

/**
 * What a follower sends the leader over the raft port with an operator's command, and the leader's answer: JSON
 * in a plain {@code java.lang.String} body, so the port deserialises no class of ours (decision record 0017); the
 * command is written as in the log ({@link MetaJson}), the closed set of {@code command}.
 * <ul>
 *   <li>request {@code {"from":"10.0.0.2:9612","command":{"type":"setPushSwitch","pushSwitch":"CLOSED"}}};</li>
 *   <li>answer {@code {"outcome":"applied","success":true,"message":null,"appliedBy":"10.0.0.1:9612"}},
 *       {@code {"outcome":"notLeader","leader":"10.0.0.3:9612"}} or {@code {"outcome":"failed","message":"..."}}.</li>
 * </ul>
 * Thread-safe.
 */
final class ForwardedCommands {

    static final String APPLIED = "applied";
    static final String NOT_LEADER = "notLeader";
    static final String FAILED = "failed";

    private final MetaJson json;

    ForwardedCommands(MetaJson json) {
        this.json = json;
    }

    /**
     * Only the operators' commands travel. Registrations, renewals and evictions carry the leader's own clock
     * (decision record 0020) and are proposed on the leader only.
     */
    static boolean forwardable(MetaCommand command) {
        return command instanceof SetPushSwitch || command instanceof PutPersistentData
                || command instanceof RemovePersistentData;
    }

    /** The command for a log line: a persistent datum may be up to 1 MiB, the line is not. */
    static String describe(MetaCommand command) {
        String text = String.valueOf(command);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    String request(String from, MetaCommand command) {
        return write(new Request(from, command));
    }

    /** @throws IOException when the text is no request with one known command */
    Request readRequest(String text) throws IOException {
        Request request = json.mapper().readValue(text, Request.class);
        if (request == null || request.command() == null) {
            throw new IOException("no command in the request");
        }
        return request;
    }

    String applied(CommandResult result, String appliedBy) {
        return write(new Reply(APPLIED, result.success(), result.message(), appliedBy, null));
    }

    String notLeader(String leader) {
        return write(new Reply(NOT_LEADER, null, null, null, leader));
    }

    String failed(String message) {
        return write(new Reply(FAILED, null, message, null, null));
    }

    /** @throws IOException when the text is no answer */
    Reply readReply(String text) throws IOException {
        Reply reply = json.mapper().readValue(text, Reply.class);
        if (reply == null || reply.outcome() == null) {
            throw new IOException("no outcome in the answer");
        }
        return reply;
    }

    private String write(Object value) {
        try {
            return json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** @param from the forwarding member's raft address, for the leader's log */
    record Request(String from, MetaCommand command) {
    }

    /** {@code success} and {@code appliedBy} when applied; {@code leader} when not leader; else {@code message}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(String outcome, Boolean success, String message, String appliedBy, String leader) {
    }
}
