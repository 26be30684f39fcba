package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * One-way notice from the meta leader to a session or data server whose heartbeat asked for it
 * ({@link NodeHeartbeat#isViewNotices()}): the view it runs by changed (persistent data, the push switch, the slot
 * table or the servers listed), so it heartbeats now rather than at its next period and takes the new view from the
 * answer. Carries nothing else: the heartbeat's answer is the one source of the view.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class ViewChanged implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What changed, for logs: e.g. {@code persistent data}, {@code push switch}, {@code slot table}. */
    private String what;

    /** For Hessian, which fills the fields. */
    public ViewChanged() {
    }

    public ViewChanged(String what) {
        this.what = what;
    }

    public String getWhat() {
        return what;
    }

    public void setWhat(String what) {
        this.what = what;
    }

    @Override
    public String toString() {
        return "ViewChanged{what='" + what + "'}";
    }
}
