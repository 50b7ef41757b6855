package dev.corral.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A long operation's record: state, progress and the message a user reads. */
@Entity
@Table(name = "job")
class Job {

    static final int MAX_MESSAGE = 2000;

    @Id
    private UUID id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "vm_id")
    private UUID vmId;

    @Column(name = "vm_name", length = 100)
    private String vmName;

    @Column(name = "host_id")
    private UUID hostId;

    @Column(name = "active_vm_id")
    private UUID activeVmId;

    @Column(name = "requested_by", nullable = false, length = 256)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private JobState state;

    @Column(nullable = false)
    private int progress;

    @Column(length = MAX_MESSAGE)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "node_name", length = 100)
    private String nodeName;

    @Version
    private long version;

    protected Job() {
    }

    Job(UUID id, String kind, UUID vmId, String vmName, UUID hostId, boolean mutating, String requestedBy, String message,
            Instant now, String nodeName) {
        this.id = id;
        this.nodeName = nodeName;
        this.kind = kind;
        this.vmId = vmId;
        this.vmName = vmName;
        this.hostId = hostId;
        this.activeVmId = mutating ? vmId : null;
        this.requestedBy = requestedBy;
        this.state = JobState.QUEUED;
        this.message = trim(message);
        this.createdAt = now;
    }

    void start(Instant now) {
        state = JobState.RUNNING;
        startedAt = now;
        progress = Math.max(progress, 5);
    }

    /** The VM the job turned out to concern; a job already about a VM keeps it. */
    void concerns(UUID vm) {
        if (vmId == null) {
            vmId = vm;
        }
    }

    void progress(int percent, String text) {
        progress = Math.clamp(percent, progress, 99);
        if (text != null) {
            message = trim(text);
        }
    }

    void finish(JobState end, String text, Instant now) {
        state = end;
        message = trim(text);
        finishedAt = now;
        activeVmId = null;
        if (end == JobState.SUCCEEDED) {
            progress = 100;
        }
    }

    UUID id() {
        return id;
    }

    JobView view() {
        return new JobView(id, kind, vmId, vmName, hostId, requestedBy, state, progress, message, createdAt, startedAt,
                finishedAt);
    }

    private static String trim(String text) {
        return text == null || text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
