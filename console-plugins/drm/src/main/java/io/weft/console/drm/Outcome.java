package io.weft.console.drm;

import java.util.List;

/**
 * What a posted action came to, as the answer page shows it.
 *
 * @param status   the HTTP status of the answer (200, or the refusal's 4xx/5xx)
 * @param message  one sentence: what was done, or why nothing was
 * @param details  further lines (which drmdata node was told, how many clients)
 * @param instance the instance acted on (empty when the request did not name one)
 * @param key      the attribute acted on (empty when the request did not name one)
 * @param version  the version the action created, or -1
 */
record Outcome(int status, String message, List<String> details, String instance, String key, long version) {

    Outcome {
        details = List.copyOf(details);
    }

    static Outcome refused(int status, String message, String instance, String key) {
        return new Outcome(status, message, List.of(), instance, key, -1);
    }

    boolean ok() {
        return status < 300;
    }
}
