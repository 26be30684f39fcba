package io.weft.drm.client.resource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Pushed text to the Java types an attribute may have: String, primitives and wrappers, enums, BigDecimal, BigInteger. */
final class ValueConverter {

    private ValueConverter() {
    }

    static boolean supports(Class<?> type) {
        return type == String.class || type.isPrimitive() && type != void.class || type.isEnum()
                || type == Boolean.class || type == Character.class || type == Byte.class || type == Short.class
                || type == Integer.class || type == Long.class || type == Float.class || type == Double.class
                || type == BigDecimal.class || type == BigInteger.class;
    }

    /**
     * @param text the pushed value; {@code null} when the console cleared it (only reference types take it)
     */
    static Object convert(String text, Class<?> type) throws ConversionException {
        if (type == String.class) {
            return text;
        }
        if (text == null) {
            if (type.isPrimitive()) {
                throw new ConversionException("no value for a " + type.getName() + " attribute");
            }
            return null;
        }
        String t = text.strip();
        try {
            if (type == boolean.class || type == Boolean.class) {
                return parseBoolean(t);
            }
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(t);
            }
            if (type == long.class || type == Long.class) {
                return Long.valueOf(t);
            }
            if (type == double.class || type == Double.class) {
                return Double.valueOf(t);
            }
            if (type == float.class || type == Float.class) {
                return Float.valueOf(t);
            }
            if (type == short.class || type == Short.class) {
                return Short.valueOf(t);
            }
            if (type == byte.class || type == Byte.class) {
                return Byte.valueOf(t);
            }
            if (type == char.class || type == Character.class) {
                if (text.length() != 1) {
                    throw new ConversionException("'" + shorten(text) + "' is not one character");
                }
                return text.charAt(0);
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(t);
            }
            if (type == BigInteger.class) {
                return new BigInteger(t);
            }
        } catch (NumberFormatException e) {
            throw new ConversionException("'" + shorten(text) + "' is not a " + type.getSimpleName());
        }
        if (type.isEnum()) {
            return enumConstant(t, type);
        }
        throw new ConversionException("attributes of type " + type.getName() + " are not supported");
    }

    private static Boolean parseBoolean(String t) throws ConversionException {
        // Boolean.parseBoolean would turn a typo into false; a typo must be refused instead.
        if ("true".equalsIgnoreCase(t)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(t)) {
            return Boolean.FALSE;
        }
        throw new ConversionException("'" + shorten(t) + "' is not a boolean (true or false)");
    }

    private static Object enumConstant(String t, Class<?> type) throws ConversionException {
        Object[] constants = type.getEnumConstants();
        for (Object c : constants) {
            if (((Enum<?>) c).name().equals(t)) {
                return c;
            }
        }
        for (Object c : constants) {
            if (((Enum<?>) c).name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Object c : constants) {
            names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) c).name());
        }
        throw new ConversionException("'" + shorten(t) + "' is not one of " + type.getSimpleName() + " ("
                + names.toString().toUpperCase(Locale.ROOT) + ")");
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
