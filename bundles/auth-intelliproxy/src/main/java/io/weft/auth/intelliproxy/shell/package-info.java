/** Gogo shell commands in scope {@code intelliproxy}: users and roles from the node's console. */
package io.weft.auth.intelliproxy.shell;
