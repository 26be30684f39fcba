/**
 * The console feed (REG-91, CON-7, decision record 0022): what this session's clients published and
 * subscribed, answered as one JSON snapshot on the console port (9601) to the console, which merges the
 * snapshots of every session.
 */
package io.weft.registry.session.console;
