package dev.corral.access;

import java.util.Collection;
import java.util.Map;

/**
 * Whether directory users still exist and may sign in: for finding VMs whose owner has left (the
 * account is gone) or been disabled (Active Directory's ACCOUNTDISABLE flag, an LDAP account lock).
 */
public interface DirectoryAccounts {

    /** What the directory says of one user. */
    enum Status { ACTIVE, DISABLED, MISSING }

    /**
     * The status of each user named, keyed by the name lower-cased; names the directory does not
     * have are {@link Status#MISSING}. Throws {@link dev.corral.base.ServiceUnavailableException}
     * when the directory cannot be asked (it does not answer, or Active Directory has no service
     * account to search with).
     */
    Map<String, Status> statusOf(Collection<String> users);
}
