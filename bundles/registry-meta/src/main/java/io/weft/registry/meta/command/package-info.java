/**
 * The commands the meta group replicates through its Raft log, and their JSON form (never Hessian: a log
 * entry can only name one of the command types below, never a Java class).
 */
package io.weft.registry.meta.command;
