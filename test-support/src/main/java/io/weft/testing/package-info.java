/**
 * Test doubles shared by the modules' unit tests, so each module does not write its own: a
 * {@link io.weft.testing.MutableClock} that tests move by hand. Used in {@code test} scope only; nothing here
 * runs in a node.
 */
package io.weft.testing;
