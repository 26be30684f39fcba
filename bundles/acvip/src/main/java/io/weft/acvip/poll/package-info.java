/**
 * Long polling: lookups that wait for a change of their domains, bounded in time and in number. Free of
 * servlet types: a waiting poll is a callback, so no thread is held while it waits.
 */
package io.weft.acvip.poll;
