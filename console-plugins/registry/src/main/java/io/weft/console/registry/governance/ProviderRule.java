package io.weft.console.registry.governance;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The governance of one provider of a service: disabled or not, and the weight a console user set (null:
 * the weight the provider published). A rule that neither disables nor sets a weight is no rule at all.
 *
 * @param host the host exactly as the provider published it: SOFARPC consumers match it literally
 */
public record ProviderRule(String instanceId, String dataId, String host, int port, boolean disabled,
        Integer weight) {

    /** Group of the persistent datum SOFARPC consumers watch for overrides (REG-66). */
    public static final String GROUP = "SOFA.CONFIG";

    /** Joins the rules of one service in one datum; SOFARPC splits the value at it. */
    static final String SEPARATOR = "#";

    public ProviderRule {
        if (weight != null && weight < 0) {
            throw new IllegalArgumentException("a weight is 0 or more, not " + weight);
        }
    }

    /** Whether this rule changes anything, i.e. is {@code status=0} in {@code service_config}. */
    public boolean inEffect() {
        return disabled || weight != null;
    }

    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * REG-66's rule: {@code override://host:port?disabled=true[&weight=N]}, or {@code ?weight=N} for a
     * provider that is only re-weighted (CON-5 sets the two independently).
     */
    public String overrideUrl() {
        StringBuilder url = new StringBuilder("override://").append(hostPort()).append('?');
        if (disabled) {
            url.append("disabled=true");
        }
        if (weight != null) {
            url.append(disabled ? "&" : "").append("weight=").append(weight);
        }
        return url.toString();
    }

    /** The datum of a service's rules in effect, in the order given; null when none is (remove the datum). */
    static String datum(List<ProviderRule> rules) {
        String joined = rules.stream().filter(ProviderRule::inEffect).map(ProviderRule::overrideUrl)
                .collect(Collectors.joining(SEPARATOR));
        return joined.isEmpty() ? null : joined;
    }
}
