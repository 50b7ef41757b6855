package dev.corral.hosts.ui;

import com.vaadin.flow.component.Component;
import dev.corral.hosts.HostDetails;
import java.util.Optional;

/**
 * A part of a host's page that another feature contributes (Windows licensing…), so the page
 * shows it without the hosts feature depending on that feature.
 */
public interface HostPageSection {

    /** Where the section goes among the contributed ones: lower first. */
    int order();

    /** A fresh component for the signed-in user and this host; empty where there is nothing to show. */
    Optional<Component> create(HostDetails host);
}
