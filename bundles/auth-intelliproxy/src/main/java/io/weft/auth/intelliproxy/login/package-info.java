/** Logging in: credentials from an Authorization header, password checks, the failed-login throttle. */
package io.weft.auth.intelliproxy.login;
