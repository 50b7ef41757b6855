package dev.corral.licensing;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModeSettingRepository extends JpaRepository<ModeSetting, String> {
}
