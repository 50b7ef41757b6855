package dev.corral.hosts;

import java.util.List;

/**
 * The Windows Server editions a host may record, as the editions table names them. Implemented by
 * the licensing feature, which owns the table; declared here so that hosts never depend on it.
 */
public interface EditionCatalog {

    /** Every edition's name, in the order to offer them. */
    List<String> editionNames();

    /** The table's spelling of an edition named in any case, or empty when the table has no such edition. */
    java.util.Optional<String> canonicalName(String edition);
}
