package io.weft.acvip.book;

/** Health of a registered address as ACVIP sees it. */
public enum AddressState {
    /** Answers the probe (or not probed yet): listed. */
    UP,
    /** Failed its probes for less than the dead-after time: still listed, so one lost probe does not drop it. */
    FAILING,
    /** Failed its probes for longer than the dead-after time: not listed until it answers again. */
    DOWN
}
