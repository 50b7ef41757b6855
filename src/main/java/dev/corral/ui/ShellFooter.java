package dev.corral.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature keeps along the bottom of every page (the recent jobs strip), so the shell
 * shows it without depending on the feature.
 */
public interface ShellFooter {

    /** Where it goes among the footers: lower first. */
    int order();

    /** A fresh component for the signed-in user; empty where the user has nothing to see in it. */
    java.util.Optional<Component> create();
}
