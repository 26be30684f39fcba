package io.weft.api.drm;

import java.util.List;

/** One page of a longer list. */
public record Page<T>(List<T> items, int offset, int total) {

    public Page {
        items = List.copyOf(items);
    }
}
