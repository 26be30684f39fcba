/**
 * The registered addresses and their health: what ACVIP would list, before instances and domains are
 * applied. Free of OSGi and HTTP types.
 */
package io.weft.acvip.book;
