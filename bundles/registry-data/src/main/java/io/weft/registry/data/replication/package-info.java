/**
 * Data server to data server on 9621 (REG-53, decision record 0021): a slot leader sends each changed datum whole to
 * the slot's followers, and a server that newly holds a slot asks one that held it for all of it.
 */
package io.weft.registry.data.replication;
