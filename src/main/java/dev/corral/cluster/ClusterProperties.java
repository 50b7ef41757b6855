package dev.corral.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node takes part when several Corral nodes share one database.
 *
 * @param nodeName          this node's name, unique among the nodes on the database; blank means the
 *                          machine's host name (enough with one node per machine)
 * @param heartbeatInterval how often the node says it is alive and renews the scheduler lease
 * @param nodeTimeout       after how long without a heartbeat a node counts as lost
 * @param eventPoll         how often a node reads what the others told its open views, when
 *                          there are others
 */
@ConfigurationProperties("corral.cluster")
public record ClusterProperties(String nodeName, @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration nodeTimeout, @DefaultValue("500ms") Duration eventPoll) {
}
