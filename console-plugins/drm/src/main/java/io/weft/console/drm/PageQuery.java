package io.weft.console.drm;

import java.util.function.Function;

/**
 * What a GET asks the page to show, read from its query parameters, so that every view of the page
 * has a URL an operator can bookmark or send:
 *
 * <ul>
 * <li>{@code instance} — the instance whose attributes are listed (default: the first one there is);
 * <li>{@code q} — search text for the attribute list (part of the key, case-insensitive);
 * <li>{@code page} — the page of the attribute list, from 1, {@value #PAGE_SIZE} attributes each;
 * <li>{@code key} — with {@code instance}: the attribute whose detail is shown instead of the list;
 * <li>{@code history} — how many pushes the detail lists (default {@value #DEFAULT_HISTORY}).
 * </ul>
 *
 * Missing or malformed numbers fall back to their defaults: a hand-edited URL still shows a page.
 */
record PageQuery(String instance, String key, String search, int page, int historyLimit) {

    static final int PAGE_SIZE = 50;
    static final int DEFAULT_HISTORY = 50;
    static final int MAX_HISTORY = 1000;

    static PageQuery from(Function<String, String> param) {
        return new PageQuery(trim(param.apply("instance")), trim(param.apply("key")), trim(param.apply("q")),
                number(param.apply("page"), 1, 1, Integer.MAX_VALUE / PAGE_SIZE),
                number(param.apply("history"), DEFAULT_HISTORY, 1, MAX_HISTORY));
    }

    boolean isDetail() {
        return !instance.isEmpty() && !key.isEmpty();
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static int number(String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
