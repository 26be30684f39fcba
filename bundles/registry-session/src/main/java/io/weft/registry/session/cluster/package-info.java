/**
 * A session server in a registry cluster (decision record 0021): publications handed to the leaders of their slots
 * on the data servers' 9620 and rebuilt there when slots move, client-offs (REG-36), datum reads with a cache for the
 * subscribers (REG-28), change notices and version checks (REG-37), lease renewals (REG-34), all over one Bolt
 * client whose Hessian reads only the protocol's classes. {@link io.weft.registry.session.cluster.SessionCluster}
 * puts them together with the meta servers' side ({@code io.weft.registry.session.meta}).
 */
package io.weft.registry.session.cluster;
