/** Netty singletons made while the Netty feature starts, not by their first user (not exported). */
package io.weft.netty.statics;
