/** The attributes this node's clients use, in memory, and the catch-up from the store's change sequence. */
package io.weft.drm.server.cache;
