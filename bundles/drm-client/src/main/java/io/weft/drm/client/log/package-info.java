/** The client's log files (drm-boot.log, drm-monitor.log, common-error.log), written with JDK classes only. */
package io.weft.drm.client.log;
