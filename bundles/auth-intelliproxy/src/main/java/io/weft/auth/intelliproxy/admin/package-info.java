/** Managing users and roles (Gogo commands and the console's Users page share this), and the first administrator. */
package io.weft.auth.intelliproxy.admin;
