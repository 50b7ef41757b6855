package dev.corral.base;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in a sentence why Corral cannot open its database at start-up (another process holds the
 * H2 file, the disk is full, the file is damaged or unreachable), instead of leaving the
 * administrator a page of stack trace. Nothing is written to the database before this point.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    // H2's error codes (org.h2.api.ErrorCode), named here so that the analyzer needs no H2 classes.
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int FILE_CORRUPTED = 90030;
    private static final int FILE_WRITE_FAILED = 90100;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String message = String.valueOf(cause.getMessage());
        String all = describe(rootFailure);
        if (cause.getErrorCode() == DATABASE_ALREADY_OPEN || message.contains("already in use")) {
            return new FailureAnalysis("The inventory database is in use by another process (" + firstLine(message) + ").",
                    "Another Corral (or an H2 console) has the database file open. Stop it, or give this Corral its own "
                            + "database with spring.datasource.url. To run several Corral nodes on one inventory, use the "
                            + "postgres profile.", cause);
        }
        if (all.contains("No space left on device") || all.contains("Disk quota exceeded") || all.contains("File too large")
                || cause.getErrorCode() == FILE_WRITE_FAILED) {
            return new FailureAnalysis("The inventory database could not be written: the disk is full or not writable ("
                    + firstLine(message) + ").", "Free space on the disk that holds the database (./data by default) or "
                    + "make it writable, then start Corral again. The database has not been changed.", cause);
        }
        if (cause.getErrorCode() == FILE_CORRUPTED) {
            return new FailureAnalysis("The inventory database file is damaged (" + firstLine(message) + ").",
                    "Restore the database folder (./data by default) from a backup. Corral has not written to it.", cause);
        }
        if ("08001".equals(cause.getSQLState()) || "08006".equals(cause.getSQLState())
                || message.contains("Connection refused")) {
            return new FailureAnalysis("Corral cannot reach its database server (" + firstLine(message) + ").",
                    "Check spring.datasource.url, that the server runs and that this machine may connect to it.", cause);
        }
        return null;
    }

    private static String describe(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 10_000; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
