package dev.corral.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named locks held in the database, so that a decision is taken one at a time across every node
 * (the room left in a quota, a host's last Windows right): the lock's row is locked for update
 * for the length of the transaction in which the decision is taken and recorded.
 */
@Component
public class ClusterLocks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ClusterLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code decision} holding the named lock, in one transaction with it (or in the caller's
     * transaction, holding the lock until that ends): what it records is committed before another
     * node or thread takes the same lock.
     */
    public <T> T inLock(String lock, Supplier<T> decision) {
        exists(lock);
        return transaction.execute(status -> {
            jdbc.queryForObject("SELECT name FROM cluster_lock WHERE name = ? FOR UPDATE", String.class, lock);
            return decision.get();
        });
    }

    private void exists(String lock) {
        if (known.contains(lock)) {
            return;
        }
        try {
            separate.executeWithoutResult(status -> {
                if (jdbc.queryForObject("SELECT COUNT(*) FROM cluster_lock WHERE name = ?", Integer.class, lock) == 0) {
                    jdbc.update("INSERT INTO cluster_lock (name) VALUES (?)", lock);
                }
            });
        } catch (DataIntegrityViolationException created) {
            // Another node or thread created it at the same moment.
        }
        known.add(lock);
    }
}
