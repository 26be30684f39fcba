package io.weft.drm.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An attribute of a {@link DrmResource}: on a field (set directly) or on a one-argument setter (called).
 * Supported types: {@code String}, the primitives and their wrappers, enums and {@code BigDecimal}. A
 * value that does not convert leaves the field as it was and is acknowledged as failed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface DrmAttribute {

    /** The attribute name; empty: the field's name, or the setter's property name ({@code setMode} → {@code mode}). */
    String name() default "";
}
