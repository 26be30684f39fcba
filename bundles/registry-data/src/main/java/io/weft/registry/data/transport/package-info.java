/**
 * Bolt plumbing shared by the data server's ports and its outbound calls (decision records 0015, 0017, 0021): a
 * listening port with one processor per request class, the outbound client with the class loader Hessian needs,
 * and the JVM-wide safe Hessian serializer with its refusals logged.
 */
package io.weft.registry.data.transport;
