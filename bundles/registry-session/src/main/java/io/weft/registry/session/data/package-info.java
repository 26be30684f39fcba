/**
 * What the session server needs from the registry's data layer: publications per {@code dataInfoId}, the
 * current datum with its version, change notifications, and the persistent (governance) data. The
 * in-memory implementations here serve a node that has no data or meta servers.
 */
package io.weft.registry.session.data;
