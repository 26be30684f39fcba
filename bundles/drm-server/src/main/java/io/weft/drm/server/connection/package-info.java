/** Clients' long connections on the client port (9880): registration, authorisation, sessions (DRM-7, DRM-12). */
package io.weft.drm.server.connection;
