package dev.corral.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the dashboard that a feature contributes (the fleet's VMs, licensing, sprawl…), so
 * the shell shows them without depending on the features.
 */
public interface DashboardSection {

    /** Where the section goes: lower first. */
    int order();

    /** A fresh component for the signed-in user; empty where the user may see nothing of it. */
    java.util.Optional<Component> create();
}
