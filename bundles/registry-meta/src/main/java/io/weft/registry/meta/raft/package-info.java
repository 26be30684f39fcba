/**
 * The meta servers' Raft group on SOFAJRaft (REG-5, REG-40, REG-41): {@link
 * io.weft.registry.meta.raft.MetaRaftNode} starts one member, {@link
 * io.weft.registry.meta.raft.MetaStateMachine} applies the committed commands and saves and loads
 * snapshots. Election events are logged under {@code registry.raft} (REG-41: operators grep
 * {@code StateMachineAdapter}), state changes under {@code registry.meta}.
 */
package io.weft.registry.meta.raft;
