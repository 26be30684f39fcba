package io.weft.codec.hessian;

import com.caucho.hessian.io.Hessian2Input;
import java.io.InputStream;

/**
 * A Hessian reader for one payload that knows how many bytes it came in. Hessian allocates a list or
 * array of the length the stream declares before reading an element, so five bytes could ask for
 * two billion slots. Every element takes at least one byte, so the declared lengths of all lists in
 * one payload together can never honestly exceed its size: that total is the budget. Used by one
 * thread for one payload.
 */
final class BoundedHessian2Input extends Hessian2Input {

    private long elementBudget;

    BoundedHessian2Input(InputStream in, int payloadBytes) {
        super(in);
        this.elementBudget = payloadBytes;
    }

    /** Takes {@code length} declared elements out of the budget, or refuses the payload. */
    void claim(int length) throws RefusedClassException {
        if (length <= 0) {
            // -1 means "length not given"; Hessian then grows the list as elements actually arrive.
            return;
        }
        if (length > elementBudget) {
            throw new RefusedClassException("declared list length " + length
                    + " exceeds what the payload can hold (" + elementBudget + " more elements at most)");
        }
        elementBudget -= length;
    }
}
