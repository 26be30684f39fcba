package io.weft.console.drm;

/**
 * URLs of the page's views, relative to the page's own path (e.g. {@code /system/console/weft-drm}).
 * Returned unescaped: callers put them through {@link Html#escape} like any other attribute value.
 */
final class Links {

    private final String page;

    Links(String pagePath) {
        this.page = pagePath;
    }

    /** The page itself, as forms post to it. */
    String page() {
        return page;
    }

    String list(String instance, String search, int pageNumber) {
        StringBuilder url = new StringBuilder(page).append("?instance=").append(Html.url(instance));
        if (!search.isEmpty()) {
            url.append("&q=").append(Html.url(search));
        }
        if (pageNumber > 1) {
            url.append("&page=").append(pageNumber);
        }
        return url.toString();
    }

    String detail(String instance, String key) {
        return page + "?instance=" + Html.url(instance) + "&key=" + Html.url(key);
    }
}
