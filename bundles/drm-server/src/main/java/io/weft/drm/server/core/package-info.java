/** The drmdata node without OSGi: its settings, threads and the assembly of the parts. */
package io.weft.drm.server.core;
