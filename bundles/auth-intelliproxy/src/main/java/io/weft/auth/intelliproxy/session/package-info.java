/** Login sessions: random tokens with an idle timeout, kept in memory (a restart logs everyone out). */
package io.weft.auth.intelliproxy.session;
