package dev.corral.access.directory;

/** The directory cannot be searched with the current settings (Active Directory without a service account). */
public class DirectorySearchNotConfiguredException extends dev.corral.base.RuleViolationException {

    DirectorySearchNotConfiguredException(String message) {
        super(message);
    }
}
