package io.weft.registry.meta.node;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link MetaServerConfig} as SCR builds it: the annotation's defaults, with some values replaced. So tests
 * also run with the defaults an operator gets.
 */
final class ConfigStub {

    private ConfigStub() {
    }

    static MetaServerConfig config(Map<String, Object> values) {
        Map<String, Object> copy = new HashMap<>(values);
        return (MetaServerConfig) Proxy.newProxyInstance(MetaServerConfig.class.getClassLoader(),
                new Class<?>[] {MetaServerConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "MetaServerConfig" + copy;
                        };
                    }
                    return copy.containsKey(method.getName()) ? copy.get(method.getName()) : method.getDefaultValue();
                });
    }
}
