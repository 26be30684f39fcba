/** Who may do what: permission matching, the loopback rule for ops calls, and the AccessGuard logic. */
package io.weft.auth.intelliproxy.access;
