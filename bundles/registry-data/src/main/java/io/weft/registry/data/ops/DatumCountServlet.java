package io.weft.registry.data.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /digest/datum/count} (OPS-4): the datums and publishers this data server holds, led and replicated,
 * e.g. {@code {"datum":12,"pub":40,"leaderPub":20,"leaderSlots":128,"followerSlots":128,"slotTableEpoch":7}}, for
 * the before/after comparison of a release (REG-81, REG-83). {@code pub} counts every copy, so with 2 copies the
 * data servers' sum is twice the sessions'; {@code leaderPub} counts the publishers of the slots this server leads,
 * so the data servers' sum of it equals the sessions' Pub sum.
 */
public final class DatumCountServlet extends HttpServlet {

    public static final String PATH = "/digest/datum/count";

    private static final long serialVersionUID = 1L;

    private final transient DataServerView data;
    private final transient OpsJson out;

    public DatumCountServlet(DataServerView data, OpsJson out) {
        this.data = data;
        this.out = out;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DataStatus s = data.status();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("datum", s.datums());
        counts.put("pub", s.publishers());
        counts.put("leaderPub", s.leaderPublishers());
        counts.put("leaderSlots", s.leaderSlots());
        counts.put("followerSlots", s.followerSlots());
        counts.put("slotTableEpoch", s.slotTableEpoch());
        out.json(resp, 200, counts);
    }
}
