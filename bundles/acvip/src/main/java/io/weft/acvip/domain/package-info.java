/**
 * Domains ({@code {instanceId}-{SERVICE}}): which addresses each lists for an instance given the products
 * OSP enabled for it, its checksum, and the answer to a lookup of several domains.
 */
package io.weft.acvip.domain;
