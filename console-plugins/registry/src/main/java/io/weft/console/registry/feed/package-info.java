/**
 * The console's side of the registry feed (REG-91, CON-7, decision record 0022): where the sessions are,
 * the JSON snapshot each answers on 9601, and the merged view of every session's registrations that the
 * page reads. Free of OSGi and servlet types.
 */
package io.weft.console.registry.feed;
