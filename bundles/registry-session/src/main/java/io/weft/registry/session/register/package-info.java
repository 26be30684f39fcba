/**
 * Registrations of the session's clients (RCP-7, RCP-8): publishers, subscribers and configurators by
 * registId and connection, the rules for updates and unregistration, required fields and signatures.
 */
package io.weft.registry.session.register;
