package dev.corral.access;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SignInThrottleRepository extends JpaRepository<SignInThrottleEntry, SignInThrottleEntry.Key> {

    /** The entry, row-locked until the transaction ends (SELECT … FOR UPDATE): attempts queue here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from SignInThrottleEntry e where e.key = :key")
    Optional<SignInThrottleEntry> lockByKey(SignInThrottleEntry.Key key);
}
