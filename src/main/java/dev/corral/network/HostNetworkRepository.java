package dev.corral.network;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostNetworkRepository extends JpaRepository<HostNetwork, UUID> {
}
