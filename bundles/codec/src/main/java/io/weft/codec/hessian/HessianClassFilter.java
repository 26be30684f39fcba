package io.weft.codec.hessian;

import com.alipay.hessian.ClassNameFilter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sofa-hessian's hook for class names: {@code SerializerFactory} passes every type name it meets in a
 * stream through its {@code ClassNameResolver} before it looks the name up or loads a class, so
 * refusing here refuses before any class is loaded or initialised. The deny list always wins over
 * the allow list. Thread-safe.
 *
 * <p>The names it allowed are remembered, up to {@value #REMEMBERED_NAMES} of them: a Bolt node reads the same few
 * model classes in every frame, and checking one against the deny list (some 300 prefixes with sofa-hessian's) was
 * 2 % of a session server's CPU under registration load. The bound keeps a stream of made-up names from growing
 * the set; past it names are checked every time, as before. Refusals are not remembered: they end the read.
 */
final class HessianClassFilter implements ClassNameFilter {

    /** Hessian's own type names for primitives, strings, dates and untyped objects (never classes). */
    private static final Set<String> HESSIAN_TYPES = Set.of(
            "void", "boolean", "byte", "short", "int", "long", "float", "double", "char",
            "string", "date", "object");

    static final int REMEMBERED_NAMES = 1024;

    private final ClassDenyList denyList;
    private final List<String> allowedPrefixes;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();

    HessianClassFilter(ClassDenyList denyList, List<String> allowedPrefixes) {
        this.denyList = denyList;
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
    }

    @Override
    public int order() {
        // Before any filter the library might add: the refusal message should be ours.
        return Integer.MIN_VALUE;
    }

    @Override
    public String resolve(String typeName) throws RefusedClassException {
        String reason = refusal(typeName);
        if (reason != null) {
            throw new RefusedClassException(reason);
        }
        return typeName;
    }

    /** @return why {@code typeName} is refused, or null when it may be read */
    String refusal(String typeName) {
        if (allowed.contains(typeName)) {
            return null;
        }
        String reason = check(typeName);
        if (reason == null && allowed.size() < REMEMBERED_NAMES) {
            allowed.add(typeName);
        }
        return reason;
    }

    /** Remembered names, for tests. */
    int rememberedNames() {
        return allowed.size();
    }

    private String check(String typeName) {
        String name = elementName(typeName);
        if (name.isEmpty() || HESSIAN_TYPES.contains(name)) {
            return null;
        }
        if (denyList.denies(name)) {
            return "class " + name + " is on the deny list of known deserialisation gadgets";
        }
        for (String prefix : allowedPrefixes) {
            if (name.startsWith(prefix)) {
                return null;
            }
        }
        return "class " + name + " is not on the allow list " + allowedPrefixes;
    }

    /**
     * The class an array type is made of. Hessian writes arrays as {@code [int}, {@code [string} or
     * {@code [com.example.Foo}; {@code Class.getName()} gives {@code [I} or {@code [Lcom.example.Foo;}.
     */
    private static String elementName(String typeName) {
        int dims = 0;
        while (dims < typeName.length() && typeName.charAt(dims) == '[') {
            dims++;
        }
        String name = typeName.substring(dims);
        if (dims > 0) {
            if (name.length() == 1 && "ZBSIJFDC".contains(name)) {
                return "";
            }
            if (name.startsWith("L") && name.endsWith(";")) {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }
}
