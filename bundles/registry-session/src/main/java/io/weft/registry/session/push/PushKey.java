package io.weft.registry.session.push;

import io.weft.registry.session.data.DataInfoId;

/** Subscribers of one connection that can share a push: same datum, same scope, same zone (RCP-11). */
record PushKey(String connectionId, DataInfoId id, String scope, String zone) {
}
