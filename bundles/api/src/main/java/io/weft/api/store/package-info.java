/**
 * Relational storage: one {@link io.weft.api.store.Database} service per named database of the node,
 * with versioned schema migrations owned by each bundle that keeps tables in it.
 *
 * <p>A consumer references the database it needs by name, e.g.
 * {@code @Reference(target = "(weft.database=weft)") Database database}, and brings its own schema up
 * to date in its {@code @Activate} with {@link io.weft.api.store.Database#migrate}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.weft.api.store;
