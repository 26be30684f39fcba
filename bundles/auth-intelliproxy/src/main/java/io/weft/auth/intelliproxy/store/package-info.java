/**
 * The user store on a JDBC {@code DataSource} (embedded Derby by default, MySQL/MariaDB when nodes
 * share a database): standard SQL only, every statement prepared, one transaction per change.
 */
package io.weft.auth.intelliproxy.store;
