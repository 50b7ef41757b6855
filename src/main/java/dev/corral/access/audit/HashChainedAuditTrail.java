package dev.corral.access.audit;

import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail in the database, each record chained to the one before by its hash.
 * Append-only: records are inserted, never updated or deleted.
 *
 * <p>Appends take turns twice over: a fair lock orders this node's threads, so they queue in
 * Java rather than in the database; the row lock on the chain's head orders the nodes that
 * share the database. Each append runs in a transaction of its own, so a refusal is recorded
 * even when the caller's work rolls back.
 */
@Service
class HashChainedAuditTrail implements AuditTrail {

    /** Another node may hold the head longer than the database's lock timeout; the append is then tried again. */
    private static final int ATTEMPTS = 5;

    private final AuditRecordRepository records;
    private final AuditHeadRepository heads;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ReentrantLock appending = new ReentrantLock(true);

    HashChainedAuditTrail(AuditRecordRepository records, AuditHeadRepository heads,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.records = records;
        this.heads = heads;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEvent event) {
        appending.lock();
        try {
            appendWithRetries(event);
        } finally {
            appending.unlock();
        }
    }

    private void appendWithRetries(AuditEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> append(event));
                return;
            } catch (PessimisticLockingFailureException headBusy) {
                if (attempt == ATTEMPTS) {
                    throw headBusy;
                }
            }
        }
    }

    private void append(AuditEvent event) {
        AuditHead head = heads.lockHead();
        AuditRecord record = AuditRecord.chain(head.lastSequence() + 1, clock.instant(), event, head.lastHash());
        records.append(record);
        head.advanceTo(record);
    }
}
