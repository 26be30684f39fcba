/** Users, roles and their permissions, and where they are kept (a JDBC {@code DataSource}). */
package io.weft.auth.intelliproxy.user;
