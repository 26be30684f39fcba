package io.weft.registry.session.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Checks the query parameters of an ops request before anything reads them. The registry client sends
 * absent values as the literal string {@code null} (RCP-16), which is accepted as it is; what no client
 * sends (a very long value, control characters, a repeated parameter) is refused with a reason.
 */
final class QueryParameters {

    static final int MAX_LENGTH = 256;

    private QueryParameters() {
    }

    /** @return why the request's parameters are refused, or null when they are acceptable */
    static String problem(HttpServletRequest req) {
        Enumeration<String> names = req.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String[] values = req.getParameterValues(name);
            if (values.length > 1) {
                return "parameter '" + clip(name) + "' given " + values.length + " times";
            }
            if (name.length() > MAX_LENGTH || values[0].length() > MAX_LENGTH) {
                return "parameter '" + clip(name) + "' longer than " + MAX_LENGTH + " characters";
            }
            if (hasControl(name) || hasControl(values[0])) {
                return "parameter '" + clip(name) + "' contains control characters";
            }
        }
        return null;
    }

    /** Answers 400 with the {@link #problem} of the request's query, if it has one; true if it did. */
    static boolean refused(HttpServletRequest req, HttpServletResponse resp, OpsJson out) throws IOException {
        String problem = problem(req);
        if (problem == null) {
            return false;
        }
        out.failure(resp, 400, problem);
        return true;
    }

    /** A parameter's value, null when it is absent or the client's literal {@code null}. */
    static String value(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isEmpty() || "null".equals(value) ? null : value;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
