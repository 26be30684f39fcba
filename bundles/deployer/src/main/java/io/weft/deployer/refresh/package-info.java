/**
 * What the node releases once bundles are refreshed, so an updated bundle's old revision can be unloaded.
 */
package io.weft.deployer.refresh;
