package dev.corral.cluster;

import java.util.Set;

/**
 * Something a node holds in the database on behalf of its work in progress (running jobs,
 * admissions): when a node is lost, or restarts under the same name, the holder releases what
 * that node held.
 */
public interface NodeBound {

    /** The names of the nodes that hold something here now. */
    Set<String> holders();

    /**
     * Releases what the node held.
     *
     * @param node      the node's name
     * @param restarted true when the node itself starts again (it crashed or stopped before), false
     *                  when another node found it lost (its heartbeat stopped)
     */
    void release(String node, boolean restarted);
}
