package dev.corral.access.directory;

import org.springframework.ldap.core.DirContextOperations;

/**
 * Whether the directory has disabled or locked an account: Active Directory's userAccountControl
 * ACCOUNTDISABLE (2) and lockoutTime; 389 DS and Red Hat IdM's {@code nsAccountLock: true};
 * OpenLDAP's password policy {@code pwdAccountLockedTime}. Read the same way at sign-in, for a
 * token's owner and for an owner check, so the three never disagree.
 */
public final class AccountLocks {

    private static final int ACCOUNT_DISABLE = 0x2;

    private AccountLocks() {
    }

    /** The user's attributes plus the lock attributes, which some servers keep operational. */
    public static String[] signInAttributes() {
        String[] attributes = new String[SIGN_IN_ATTRIBUTES.length + 1];
        attributes[0] = "*";
        System.arraycopy(SIGN_IN_ATTRIBUTES, 0, attributes, 1, SIGN_IN_ATTRIBUTES.length);
        return attributes;
    }

    /** The attributes {@link #refusesSignIn} reads; operational on some servers, so asked for by name. */
    public static final String[] SIGN_IN_ATTRIBUTES = {"userAccountControl", "lockoutTime", "nsAccountLock", "pwdAccountLockedTime"};

    /**
     * Whether the directory refuses the account a sign-in: disabled (as {@link #disabled}), or locked
     * out by Active Directory ({@code lockoutTime} after the epoch; it stays set until the next
     * successful password sign-in or an administrator's unlock, so a lock-out that has run out still counts).
     */
    public static boolean refusesSignIn(DirContextOperations entry) {
        if (disabled(entry)) {
            return true;
        }
        String lockout = entry.getStringAttribute("lockoutTime");
        try {
            return lockout != null && Long.parseLong(lockout.strip()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public static boolean disabled(DirContextOperations entry) {
        String control = entry.getStringAttribute("userAccountControl");
        if (control != null) {
            try {
                return (Long.parseLong(control.strip()) & ACCOUNT_DISABLE) != 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return "true".equalsIgnoreCase(entry.getStringAttribute("nsAccountLock"))
                || entry.getStringAttribute("pwdAccountLockedTime") != null;
    }
}
