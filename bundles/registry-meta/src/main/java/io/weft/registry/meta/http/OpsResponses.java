package io.weft.registry.meta.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.weft.registry.meta.raft.AppliedCommand;
import io.weft.registry.meta.raft.MetaRaftException;
import io.weft.registry.meta.raft.NotLeaderException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * JSON writing and the seed's {@code {"success":…,"message":…}} shape (REG-45). Answers:
 * <ul>
 *   <li>200 {@code success:true}: done; a change adds {@code appliedBy}, the raft address of the leader that
 *       applied it, whichever member was asked (a follower forwards the push switch and persistent data to the
 *       leader);</li>
 *   <li>200 {@code success:false}: the group refused the change itself, the same on every member (a
 *       persistent datum whose version is not higher, RCP-20);</li>
 *   <li>400 bad input, 401/403 refused caller, 404 no such endpoint, 413 body too large;</li>
 *   <li>503 this member cannot do it now: there is no leader (election, or no majority of the meta servers
 *       up), the leader could not be reached or did not answer in time, the group did not commit in time, or
 *       ({@code /manage/changePeer} only) it is not the leader: the body's {@code leader} names the one to ask,
 *       when known. Nothing was changed unless the group commits later; repeating the same request is safe.</li>
 * </ul>
 * One instance per servlet set; thread-safe.
 */
final class OpsResponses {

    /** How long a write waits for the Raft group before the caller is told to retry. */
    static final long COMMIT_WAIT_SECONDS = 10;

    // Trailing tokens fail: "{...} junk" is a broken body, not the object before the junk.
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    ObjectMapper mapper() {
        return mapper;
    }

    void json(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    void result(HttpServletResponse response, int status, boolean success, String message) throws IOException {
        json(response, status, body(success, message));
    }

    /** A committed change: {@code {"success":…,"message":…,"appliedBy":"host:raftPort"}}. */
    void applied(HttpServletResponse response, AppliedCommand applied) throws IOException {
        Map<String, Object> body = body(applied.result().success(), applied.result().message());
        body.put("appliedBy", applied.appliedBy());
        json(response, 200, body);
    }

    /** A JSON 404, so scripts parsing every answer as JSON do not trip over the container's HTML page. */
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        result(response, 404, false, "no such ops endpoint: " + request.getMethod() + " " + request.getRequestURI());
    }

    void failure(HttpServletResponse response, Failure failure) throws IOException {
        Map<String, Object> body = body(false, failure.message());
        if (failure.leader() != null) {
            body.put("leader", failure.leader());
        }
        json(response, failure.status(), body);
    }

    /** Waits for a Raft write and turns its failure into the answer the caller gets. */
    <T> Outcome<T> await(CompletableFuture<T> future) {
        try {
            return new Outcome<>(future.get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, Failure.of(e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            return new Outcome<>(null, new Failure(503,
                    "not committed within " + COMMIT_WAIT_SECONDS + " s (is a majority of the meta servers up?), retry",
                    null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, new Failure(503, "interrupted while waiting for the raft group, retry", null));
        }
    }

    private static Map<String, Object> body(boolean success, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.put("message", message);
        return body;
    }

    /** Why a write was not done: the HTTP status, the message, and the leader's raft address when relevant. */
    record Failure(int status, String message, String leader) {

        static Failure of(Throwable cause) {
            if (cause instanceof NotLeaderException notLeader) {
                String leader = notLeader.leader().orElse(null);
                return new Failure(503, leader == null
                        ? "not leader, and no leader is known yet (election in progress): retry"
                        : "not leader, leader is " + leader + ": send the request to the leader's ops port", leader);
            }
            if (cause instanceof IllegalArgumentException) {
                return new Failure(400, cause.getMessage(), null);
            }
            if (cause instanceof MetaRaftException || cause instanceof IllegalStateException) {
                String message = String.valueOf(cause.getMessage());
                return new Failure(503, message.endsWith("retry") ? message : message + ", retry", null);
            }
            return new Failure(500, String.valueOf(cause), null);
        }
    }

    /** A value, or why there is none. */
    record Outcome<T>(T value, Failure failure) {
        boolean ok() {
            return failure == null;
        }
    }
}
