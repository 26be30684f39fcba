/**
 * The replicated model of the meta server (REG-5, REG-48): the data and session node lists, the push
 * switch (REG-61), the persistent data (RCP-20) and the slot table that shards data across data servers
 * (REG-4). Nothing here knows Raft, JSON or HTTP: the Raft state machine changes a {@link
 * io.weft.registry.meta.state.MetaModel} in log order, readers take its immutable {@link
 * io.weft.registry.meta.state.MetaState}.
 */
package io.weft.registry.meta.state;
