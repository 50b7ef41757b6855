package dev.corral.access.audit;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditHeadRepository extends Repository<AuditHead, Integer> {

    /** The head, locked until the transaction ends (SELECT … FOR UPDATE). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from AuditHead h where h.id = " + AuditHead.ID)
    AuditHead lockHead();

    @Query("select h from AuditHead h where h.id = " + AuditHead.ID)
    AuditHead head();
}
