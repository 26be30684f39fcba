/** The Web Console's login through intelliproxy: its security provider, login page and the Users page. */
package io.weft.auth.intelliproxy.console;
