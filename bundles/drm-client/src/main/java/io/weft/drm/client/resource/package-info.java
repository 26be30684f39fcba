/**
 * Declared resources: how a value reaches the application (fields and setters of an annotated object,
 * or a listener), the value held per attribute, and the per-resource order of changes.
 */
package io.weft.drm.client.resource;
