package io.weft.registry.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fills every field of a message through its setters with distinct values, and compares two messages field by
 * field, nested messages and lists included: a field Hessian drops shows as a difference.
 */
final class MessageFiller {

    private int counter;

    <T> T filled(Class<T> type) throws Exception {
        T message = type.getConstructor().newInstance();
        for (Method setter : type.getMethods()) {
            if (setter.getName().startsWith("set") && setter.getParameterCount() == 1) {
                setter.invoke(message, valueOf(setter.getGenericParameterTypes()[0]));
            }
        }
        return message;
    }

    private Object valueOf(Type type) throws Exception {
        counter++;
        if (type == String.class) {
            return "value-" + counter + "-é";
        }
        if (type == long.class) {
            // Above 2^32, so a long squeezed into an int would show.
            return (1L << 40) + counter;
        }
        if (type == int.class) {
            return counter;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                List<Object> list = new ArrayList<>();
                list.add(valueOf(arguments[0]));
                list.add(valueOf(arguments[0]));
                return list;
            }
            if (generic.getRawType() == Map.class) {
                Map<Object, Object> map = new HashMap<>();
                map.put(valueOf(arguments[0]), (1L << 40) + counter);
                map.put(valueOf(arguments[0]), 0L);
                return map;
            }
        }
        if (type instanceof Class<?> nested && nested.getPackage() == Slots.class.getPackage()) {
            return filled(nested);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }

    /** @return the path of the first difference, or null when both are alike */
    static String difference(String path, Object expected, Object actual) throws IllegalAccessException {
        if (expected == null || actual == null) {
            return expected == actual ? null : path + ": " + expected + " vs " + actual;
        }
        if (expected.getClass() != actual.getClass()) {
            return path + ": " + expected.getClass() + " vs " + actual.getClass();
        }
        if (expected instanceof List<?> a) {
            List<?> b = (List<?>) actual;
            if (a.size() != b.size()) {
                return path + ": size " + a.size() + " vs " + b.size();
            }
            for (int i = 0; i < a.size(); i++) {
                String d = difference(path + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.getClass().getPackage() == Slots.class.getPackage()) {
            for (Field field : expected.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                String d = difference(path + "." + field.getName(), field.get(expected), field.get(actual));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return Objects.equals(expected, actual) ? null : path + ": " + expected + " vs " + actual;
    }
}
