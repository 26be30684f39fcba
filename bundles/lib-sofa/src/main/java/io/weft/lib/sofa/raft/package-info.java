/**
 * Weft's settings of the embedded SOFAJRaft that JRaft only takes through its service loader. A private package:
 * JRaft finds its classes through {@code META-INF/services}, nothing imports them.
 */
package io.weft.lib.sofa.raft;
