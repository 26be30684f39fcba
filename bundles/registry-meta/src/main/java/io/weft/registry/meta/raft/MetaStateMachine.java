package io.weft.registry.meta.raft;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Iterator;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.core.StateMachineAdapter;
import com.alipay.sofa.jraft.entity.LeaderChangeContext;
import com.alipay.sofa.jraft.error.RaftError;
import com.alipay.sofa.jraft.error.RaftException;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotReader;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotWriter;

import io.weft.registry.meta.command.MetaCommand;
import io.weft.registry.meta.command.MetaJson;
import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.ViewChange;

/**
 * Applies committed commands to the {@link MetaModel} and saves it in snapshots. JRaft calls every method
 * on the group's single state-machine thread, so the model has one writer. The leader term is the one
 * field read from other threads (volatile).
 */
public final class MetaStateMachine extends StateMachineAdapter {

    /** The one file of a meta snapshot, beside JRaft's own {@code __raft_snapshot_meta}. */
    static final String SNAPSHOT_FILE = "meta-state.json";

    private static final Logger RAFT = LoggerFactory.getLogger("registry.raft");
    private static final Logger META = LoggerFactory.getLogger("registry.meta");

    private final MetaModel model;
    private final MetaJson json;
    private final String self;
    private final Clock clock;
    private volatile long leaderTerm = -1;
    private volatile long leaderSinceMillis;
    private volatile Configuration committedConf;
    /** Times this member saw a new leader, itself or another: the seed's {@code meta_role_change_prod} event. */
    private final AtomicLong leaderChanges = new AtomicLong();
    /** Told what changed after each command that changed what a view shows; on this thread, so they must not block. */
    private final List<Consumer<String>> viewListeners = new CopyOnWriteArrayList<>();

    MetaStateMachine(MetaModel model, MetaJson json, String self, Clock clock) {
        this.model = model;
        this.json = json;
        this.self = self;
        this.clock = clock;
    }

    /** When this member last became leader, on the injected clock. */
    long leaderSinceMillis() {
        return leaderSinceMillis;
    }

    /** The term this member leads in, or -1 when it is not the leader. */
    long leaderTerm() {
        return leaderTerm;
    }

    /** How often this member started leading or following a new leader since it started. */
    long leaderChanges() {
        return leaderChanges.get();
    }

    /** The last membership this member applied (from the log or a snapshot), or null before any. */
    Configuration committedConf() {
        return committedConf;
    }

    @Override
    public void onApply(Iterator iter) {
        while (iter.hasNext()) {
            Closure done = iter.done();
            CommandClosure closure = done instanceof CommandClosure c ? c : null;
            MetaCommand command = closure != null ? closure.command() : decode(iter.getData(), iter.getIndex());
            CommandResult result = command == null
                    ? CommandResult.refused("unreadable log entry " + iter.getIndex())
                    : apply(command, iter.getIndex());
            if (closure != null) {
                closure.result(result);
            }
            if (done != null) {
                done.run(Status.OK());
            }
            iter.next();
        }
    }

    private MetaCommand decode(ByteBuffer data, long index) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        try {
            return json.readCommand(bytes);
        } catch (IOException e) {
            // Every replica reads the same bytes, so every replica skips this entry alike.
            META.error("skipping log entry {} that is no meta command: {}", index, e.getMessage());
            return null;
        }
    }

    /** Adds a listener told what changed after each command that changed what a view shows. */
    void addViewListener(Consumer<String> listener) {
        viewListeners.add(listener);
    }

    void removeViewListener(Consumer<String> listener) {
        viewListeners.remove(listener);
    }

    private CommandResult apply(MetaCommand command, long index) {
        CommandResult result;
        MetaState before = model.state();
        try {
            result = command.applyTo(model);
        } catch (RuntimeException e) {
            META.error("log entry {} {} failed", index, command, e);
            return CommandResult.refused(command.getClass().getSimpleName() + " failed: " + e.getMessage());
        }
        String changed = viewListeners.isEmpty() ? null : ViewChange.between(before, model.state());
        if (changed != null) {
            for (Consumer<String> listener : viewListeners) {
                try {
                    listener.accept(changed);
                } catch (RuntimeException e) {
                    META.warn("a view listener failed on log entry {}: {}", index, e.toString());
                }
            }
        }
        if (command.routine()) {
            META.debug("[{}] {}", index, result.message());
        } else {
            META.info("[{}] {}", index, result.message());
        }
        return result;
    }

    @Override
    public void onSnapshotSave(SnapshotWriter writer, Closure done) {
        byte[] bytes = json.writeState(model.state());
        try {
            Path target = Path.of(writer.getPath(), SNAPSHOT_FILE);
            Path temp = Path.of(writer.getPath(), SNAPSHOT_FILE + ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!writer.addFile(SNAPSHOT_FILE)) {
                done.run(new Status(RaftError.EIO, "cannot add %s to the snapshot", SNAPSHOT_FILE));
                return;
            }
            RAFT.info("StateMachineAdapter onSnapshotSave: {} bytes in {}", bytes.length, writer.getPath());
            done.run(Status.OK());
        } catch (IOException e) {
            RAFT.error("StateMachineAdapter onSnapshotSave failed in {}", writer.getPath(), e);
            done.run(new Status(RaftError.EIO, "cannot write meta snapshot: %s", e.getMessage()));
        }
    }

    @Override
    public boolean onSnapshotLoad(SnapshotReader reader) {
        if (reader.getFileMeta(SNAPSHOT_FILE) == null) {
            RAFT.error("StateMachineAdapter onSnapshotLoad: {} missing in {}", SNAPSHOT_FILE, reader.getPath());
            return false;
        }
        try {
            model.restore(json.readState(Files.readAllBytes(Path.of(reader.getPath(), SNAPSHOT_FILE))));
            RAFT.info("StateMachineAdapter onSnapshotLoad: {} data, {} session nodes, {} persistent data from {}",
                    model.state().dataNodes().size(), model.state().sessionNodes().size(),
                    model.state().persistentData().size(), reader.getPath());
            return true;
        } catch (IOException e) {
            RAFT.error("StateMachineAdapter onSnapshotLoad failed from {}", reader.getPath(), e);
            return false;
        }
    }

    // Called from inside RaftGroupService.start() for a one-member group (TOOLCHAIN pitfall 6): only record.
    @Override
    public void onLeaderStart(long term) {
        leaderSinceMillis = clock.millis();
        leaderTerm = term;
        leaderChanges.incrementAndGet();
        RAFT.info("StateMachineAdapter onLeaderStart: {} is leader, term={}", self, term);
    }

    @Override
    public void onLeaderStop(Status status) {
        leaderTerm = -1;
        RAFT.info("StateMachineAdapter onLeaderStop: {} no longer leader, status={}", self, status);
    }

    @Override
    public void onStartFollowing(LeaderChangeContext ctx) {
        leaderChanges.incrementAndGet();
        RAFT.info("StateMachineAdapter onStartFollowing: {} follows {}, term={}", self, ctx.getLeaderId(),
                ctx.getTerm());
    }

    @Override
    public void onStopFollowing(LeaderChangeContext ctx) {
        RAFT.info("StateMachineAdapter onStopFollowing: {} stops following {}, term={}", self, ctx.getLeaderId(),
                ctx.getTerm());
    }

    @Override
    public void onConfigurationCommitted(Configuration conf) {
        committedConf = conf.copy();
        RAFT.info("StateMachineAdapter onConfigurationCommitted: peers {}", conf);
    }

    @Override
    public void onError(RaftException e) {
        leaderTerm = -1;
        RAFT.error("StateMachineAdapter onError: {} {}", self, e.getStatus(), e);
    }

    @Override
    public void onShutdown() {
        leaderTerm = -1;
        RAFT.info("StateMachineAdapter onShutdown: {}", self);
    }
}
