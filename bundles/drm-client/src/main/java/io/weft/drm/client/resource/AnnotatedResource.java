package io.weft.drm.client.resource;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.weft.drm.client.DrmAttribute;
import io.weft.drm.client.DrmChange;
import io.weft.drm.client.DrmChanged;
import io.weft.drm.client.DrmListener;
import io.weft.drm.client.DrmResource;

/**
 * A resource declared on a plain object with {@link DrmResource}, {@link DrmAttribute} and
 * {@link DrmChanged}. The annotations are read from the object's own class (and its superclasses), so
 * in OSGi the application bundle's class loader is the one that matters and no context class loader is
 * needed.
 */
public final class AnnotatedResource extends Resource {

    private final Object target;
    private final Map<String, Setter> setters;
    private final List<Method> changedMethods;
    private final DrmListener listener;

    private AnnotatedResource(String resourceId, Object target, Map<String, Setter> setters,
            List<Method> changedMethods, DrmListener listener, Executor callbackExecutor, Consumer<Resource> onClose) {
        super(resourceId, setters.keySet(), callbackExecutor, onClose);
        this.target = target;
        this.setters = setters;
        this.changedMethods = changedMethods;
        this.listener = listener;
    }

    /**
     * @param listener called after the {@link DrmChanged} methods; may be {@code null}
     * @throws IllegalArgumentException the object's class is not a usable {@link DrmResource}, naming why
     */
    public static AnnotatedResource of(Object target, DrmListener listener, Executor callbackExecutor,
            Consumer<Resource> onClose) {
        Objects.requireNonNull(target, "resource object");
        Class<?> type = target.getClass();
        DrmResource declared = type.getAnnotation(DrmResource.class);
        if (declared == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @DrmResource");
        }
        Map<String, Setter> setters = new LinkedHashMap<>();
        List<Method> changed = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                DrmAttribute a = f.getAnnotation(DrmAttribute.class);
                if (a != null) {
                    put(setters, a.name().isEmpty() ? f.getName() : a.name(), fieldSetter(f), type);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                DrmAttribute a = m.getAnnotation(DrmAttribute.class);
                if (a != null) {
                    put(setters, a.name().isEmpty() ? propertyName(m) : a.name(), methodSetter(m), type);
                }
                if (m.isAnnotationPresent(DrmChanged.class)) {
                    changed.add(changedMethod(m));
                }
            }
        }
        if (setters.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @DrmAttribute field or setter");
        }
        return new AnnotatedResource(declared.id(), target, setters, List.copyOf(changed), listener,
                callbackExecutor, onClose);
    }

    @Override
    protected void set(String attribute, String value) throws ConversionException {
        Setter setter = setters.get(attribute);
        Object converted = ValueConverter.convert(value, setter.type());
        try {
            setter.set(target, converted);
        } catch (InvocationTargetException e) {
            throw new ConversionException("the setter refused it: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConversionException("cannot set it: " + e);
        }
    }

    @Override
    protected void changed(DrmChange change) throws Exception {
        for (Method m : changedMethods) {
            try {
                if (m.getParameterCount() == 0) {
                    m.invoke(target);
                } else {
                    m.invoke(target, change);
                }
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
        if (listener != null) {
            listener.changed(change);
        }
    }

    private static void put(Map<String, Setter> setters, String name, Setter setter, Class<?> type) {
        if (setters.containsKey(name)) {
            // A subclass declared it first; the superclass's declaration is hidden, as Java hides fields.
            return;
        }
        if (!ValueConverter.supports(setter.type())) {
            throw new IllegalArgumentException("attribute '" + name + "' of " + type.getName() + " has type "
                    + setter.type().getName() + "; supported: String, primitives and their wrappers, enums,"
                    + " BigDecimal, BigInteger");
        }
        setters.put(name, setter);
    }

    private static Setter fieldSetter(Field f) {
        if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
            throw new IllegalArgumentException("@DrmAttribute field " + f + " must be neither static nor final");
        }
        makeAccessible(f, f.toString());
        return new Setter(f.getType(), (target, value) -> f.set(target, value));
    }

    private static Setter methodSetter(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1) {
            throw new IllegalArgumentException("@DrmAttribute method " + m
                    + " must be an instance method with one parameter (a setter)");
        }
        makeAccessible(m, m.toString());
        return new Setter(m.getParameterTypes()[0], (target, value) -> m.invoke(target, value));
    }

    private static Method changedMethod(Method m) {
        boolean fits = m.getParameterCount() == 0
                || m.getParameterCount() == 1 && m.getParameterTypes()[0] == DrmChange.class;
        if (Modifier.isStatic(m.getModifiers()) || !fits) {
            throw new IllegalArgumentException("@DrmChanged method " + m
                    + " must be an instance method taking nothing or one DrmChange");
        }
        makeAccessible(m, m.toString());
        return m;
    }

    private static String propertyName(Method m) {
        String n = m.getName();
        if (n.length() > 3 && n.startsWith("set") && Character.isUpperCase(n.charAt(3))) {
            return n.substring(3, 4).toLowerCase(Locale.ROOT) + n.substring(4);
        }
        return n;
    }

    private static void makeAccessible(java.lang.reflect.AccessibleObject member, String what) {
        try {
            member.setAccessible(true);
        } catch (RuntimeException e) {
            // InaccessibleObjectException: a named module that does not open its package to this library.
            throw new IllegalArgumentException("cannot access " + what + ": " + e.getMessage()
                    + " (open the package to io.weft.drm.client, or make the member public)", e);
        }
    }

    private record Setter(Class<?> type, SetAction action) {
        void set(Object target, Object value) throws ReflectiveOperationException {
            action.set(target, value);
        }
    }

    @FunctionalInterface
    private interface SetAction {
        void set(Object target, Object value) throws ReflectiveOperationException;
    }
}
