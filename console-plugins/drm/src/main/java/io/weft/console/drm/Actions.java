package io.weft.console.drm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmException;
import io.weft.api.drm.GrayTargets;
import io.weft.api.drm.PushResult;

/**
 * Runs one posted form: {@code action} is {@code push}, {@code gray}, {@code promote}, {@code abandon},
 * {@code rollback} or {@code declare}, with {@code instance} and {@code key}, and per action
 * {@code value}, {@code ips} and {@code zones}, or {@code version}. Free of servlet types so it is tested
 * with a map of parameters.
 *
 * <p>Refusals come back as an {@link Outcome} with the status a client of the page expects: 400 for bad
 * input and unknown attributes, 409 when the attribute's state is in the way (a push while a gray release
 * is open), 503 when the database cannot be reached. Nothing is half done: either the admin created a
 * version or it changed nothing.
 */
final class Actions {

    private static final Logger LOG = LoggerFactory.getLogger(Actions.class);

    Outcome handle(DrmAdmin admin, Function<String, String> param, String operator) {
        String action = PageQuery.trim(param.apply("action"));
        String instance = PageQuery.trim(param.apply("instance"));
        String key = PageQuery.trim(param.apply("key"));
        try {
            if (instance.isEmpty() || key.isEmpty()) {
                return Outcome.refused(400, "An instance and an attribute key are required", instance, key);
            }
            return switch (action) {
                case "push" -> pushed(instance, key, v -> "Pushed version " + v + " of " + key + " to every client",
                        admin.push(instance, key, value(param), operator), operator, action);
                case "gray" -> {
                    GrayTargets targets = targets(param);
                    yield pushed(instance, key, v -> "Gray release: version " + v + " of " + key + " pushed to "
                            + describe(targets), admin.pushGray(instance, key, value(param), targets, operator),
                            operator, action);
                }
                case "promote" -> pushed(instance, key, v -> "Gray release promoted: version " + v + " of " + key
                        + " pushed to every client", admin.promoteGray(instance, key, operator), operator, action);
                case "abandon" -> pushed(instance, key, v -> "Gray release abandoned: version " + v + " of " + key
                        + " sends its targets back to the value every other client has",
                        admin.abandonGray(instance, key, operator), operator, action);
                case "rollback" -> {
                    long to = version(param);
                    yield pushed(instance, key, v -> "Rolled back " + key + " to the value of version " + to
                            + ": pushed as version " + v, admin.rollback(instance, key, to, operator), operator, action);
                }
                case "declare" -> {
                    DrmAttribute a = admin.declare(instance, key, operator);
                    LOG.info("DRM console: {} declared {} in instance {}", operator, key, instance);
                    yield new Outcome(200, "Declared " + a.key() + " in instance " + a.instanceId() + " (version "
                            + a.version() + ")", List.of(), a.instanceId(), a.key(), a.version());
                }
                default -> Outcome.refused(400, "Unknown action '" + action + "'", instance, key);
            };
        } catch (BadInput e) {
            return Outcome.refused(400, e.getMessage(), instance, key);
        } catch (DrmException e) {
            return Outcome.refused(status(e.reason()), e.getMessage(), instance, key);
        }
    }

    static int status(DrmException.Reason reason) {
        return switch (reason) {
            case INVALID, UNKNOWN_ATTRIBUTE -> 400;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
    }

    private static Outcome pushed(String instance, String key, LongFunction<String> message, PushResult result,
            String operator, String action) {
        LOG.info("DRM console: {} {} {} in instance {}: version {}, node '{}', {} clients notified, {} relay failures",
                operator, action, key, instance, result.version(), result.notifiedNode(), result.notifiedClients(),
                result.relayFailures());
        List<String> details = new ArrayList<>();
        if (result.announced()) {
            details.add("drmdata node " + result.notifiedNode() + " notified; " + result.notifiedClients() + " client"
                    + (result.notifiedClients() == 1 ? "" : "s") + " notified.");
        } else {
            details.add("Stored, no drmdata node answered \u2014 nodes catch up from the database.");
        }
        if (result.relayFailures() > 0) {
            details.add(result.relayFailures() + " drmdata node" + (result.relayFailures() == 1 ? "" : "s")
                    + " did not get the announcement; they catch up from the database.");
        }
        return new Outcome(200, message.apply(result.version()), details, instance, key,
                result.version());
    }

    /**
     * The posted value. Browsers send a textarea's line breaks as CR LF whatever was typed; the value
     * is stored with the LF a file or an API call would have.
     */
    private static String value(Function<String, String> param) {
        String value = param.apply("value");
        if (value == null) {
            throw new BadInput("A value is required");
        }
        return value.replace("\r\n", "\n");
    }

    private static GrayTargets targets(Function<String, String> param) {
        try {
            return new GrayTargets(list(param.apply("ips")), list(param.apply("zones")));
        } catch (IllegalArgumentException e) {
            throw new BadInput("A gray release needs at least one client IP or zone");
        }
    }

    private static Set<String> list(String text) {
        Set<String> items = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }

    private static String describe(GrayTargets targets) {
        List<String> parts = new ArrayList<>();
        if (!targets.clientIps().isEmpty()) {
            parts.add("client IPs " + String.join(", ", targets.clientIps().stream().sorted().toList()));
        }
        if (!targets.zones().isEmpty()) {
            parts.add("zones " + String.join(", ", targets.zones().stream().sorted().toList()));
        }
        return String.join(" and ", parts);
    }

    private static long version(Function<String, String> param) {
        String text = PageQuery.trim(param.apply("version"));
        try {
            long version = Long.parseLong(text);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new BadInput("The version to roll back to must be a positive number, not '" + text + "'");
    }

    /** Input the page itself refuses before asking the admin. */
    private static final class BadInput extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }
}
