package dev.corral.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Admissions against a host's rights, one host at a time (a lock in the database), held in the database until the operation ends. */
@dev.corral.support.CorralIntegrationTest
class RightsLedgerIT {

    private static final Rights ONE = EditionsFile.table().find("Windows Server 2008 Standard").orElseThrow().rightsWith(null);
    private static final Rights FOUR = EditionsFile.table().find("Windows Server 2022 Standard").orElseThrow().rightsWith(2);

    @org.springframework.beans.factory.annotation.Autowired
    RightsLedger ledger;
    private final UUID host = UUID.randomUUID();

    /** Two starts at the same instant on a Windows Server 2008 Standard host with its one right free. */
    @RepeatedTest(50)
    void twoSimultaneousStartsRaceForTheLastRightAndExactlyOneWins() throws Exception {
        // The host's recorded state: nothing running yet. Each read is slow, widening the window a race needs.
        Set<UUID> recorded = ConcurrentHashMap.newKeySet();
        CyclicBarrier together = new CyclicBarrier(2);
        UUID printServer = UUID.randomUUID();
        UUID fileServer = UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<RightsLedger.Admission>> starts = new ArrayList<>();
            for (UUID vm : List.of(printServer, fileServer)) {
                starts.add(threads.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    return ledger.admit(host, vm, ONE, () -> slowRead(recorded), true);
                }));
            }
            RightsLedger.Admission first = starts.get(0).get(5, TimeUnit.SECONDS);
            RightsLedger.Admission second = starts.get(1).get(5, TimeUnit.SECONDS);

            assertThat(List.of(first.admitted(), second.admitted())).containsExactlyInAnyOrder(true, false);
            RightsLedger.Admission loser = first.admitted() ? second : first;
            assertThat(loser.exceeds()).isTrue();
            assertThat(loser.users()).containsExactly(first.admitted() ? printServer : fileServer);
            assertThat(ledger.heldOn(host)).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void manyConcurrentStartsNeverPassTheRights() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CyclicBarrier together = new CyclicBarrier(8);
        try {
            List<Future<RightsLedger.Admission>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                UUID vm = UUID.randomUUID();
                starts.add(threads.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    return ledger.admit(host, vm, FOUR, () -> slowRead(Set.of()), true);
                }));
            }
            int admitted = 0;
            for (Future<RightsLedger.Admission> start : starts) {
                admitted += start.get(5, TimeUnit.SECONDS).admitted() ? 1 : 0;
            }

            assertThat(admitted).isEqualTo(4);
            assertThat(ledger.heldOn(host)).hasSize(4);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anAdmissionHoldsItsRightUntilReleasedAndTheRecordedStateThenCountsIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        RightsLedger.Admission admitted = ledger.admit(host, first, ONE, Set::of, true);

        assertThat(ledger.admit(host, second, ONE, Set::of, true).admitted()).isFalse();
        // The start ended: the host now reports the first VM running, and the hold is released.
        admitted.release().run();
        assertThat(ledger.heldOn(host)).isEmpty();
        RightsLedger.Admission refused = ledger.admit(host, second, ONE, () -> Set.of(first), true);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.users()).containsExactly(first);
    }

    @Test
    void aVmRecordedAndHeldAtOnceCountsOnce() {
        UUID vm = UUID.randomUUID();
        ledger.admit(host, vm, FOUR, Set::of, true);

        RightsLedger.Admission next = ledger.admit(host, UUID.randomUUID(), FOUR, () -> Set.of(vm), true);

        assertThat(next.users()).containsExactly(vm);
        assertThat(next.exceeds()).isFalse();
    }

    @Test
    void aVmThatUsesARightAlreadyIsAdmittedAgain() {
        UUID paused = UUID.randomUUID();

        RightsLedger.Admission resume = ledger.admit(host, paused, ONE, () -> Set.of(paused), true);

        assertThat(resume.admitted()).isTrue();
        assertThat(resume.exceeds()).isFalse();
    }

    @Test
    void inAuditModeTheExcessIsAdmittedAndReported() {
        UUID running = UUID.randomUUID();

        RightsLedger.Admission audit = ledger.admit(host, UUID.randomUUID(), ONE, () -> Set.of(running), false);

        assertThat(audit.admitted()).isTrue();
        assertThat(audit.exceeds()).isTrue();
        assertThat(ledger.heldOn(host)).hasSize(1);
        audit.release().run();
        assertThat(ledger.heldOn(host)).isEmpty();
    }

    @Test
    void hostsDoNotShareRights() {
        ledger.admit(host, UUID.randomUUID(), ONE, Set::of, true);

        assertThat(ledger.admit(UUID.randomUUID(), UUID.randomUUID(), ONE, Set::of, true).admitted()).isTrue();
    }

    private static Set<UUID> slowRead(Set<UUID> recorded) {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Set.copyOf(recorded);
    }
}
