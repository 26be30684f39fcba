/**
 * Change notices (REG-37, decision record 0021): after a datum changed, a one-way {@code DatumChanged} on every
 * session connection, retried up to {@code notifyRetries} times.
 */
package io.weft.registry.data.notify;
