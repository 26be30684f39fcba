package io.weft.registry.session.register;

import com.alipay.sofa.registry.core.constants.EventTypeConstants;
import com.alipay.sofa.registry.core.model.BaseRegister;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields a registration cannot do without. A registration missing one is answered with success=false and
 * the reason, not refused (RCP-8): the client keeps it and tries again.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    /** @return what is missing or wrong, or null if nothing is; {@code register} is null for an empty body */
    static String problem(BaseRegister register) {
        if (register == null) {
            return "registration refused: the request has no body";
        }
        List<String> missing = new ArrayList<>();
        if (blank(register.getRegistId())) {
            missing.add("registId");
        }
        if (blank(register.getDataId())) {
            missing.add("dataId");
        }
        if (blank(register.getGroup())) {
            missing.add("group");
        }
        if (blank(register.getEventType())) {
            missing.add("eventType");
        }
        if (!missing.isEmpty()) {
            return "registration refused: missing " + String.join(", ", missing);
        }
        String eventType = register.getEventType();
        if (!EventTypeConstants.REGISTER.equals(eventType) && !EventTypeConstants.UNREGISTER.equals(eventType)) {
            return "registration refused: eventType must be REGISTER or UNREGISTER, was " + eventType;
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
