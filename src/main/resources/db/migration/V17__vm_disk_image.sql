-- The images and host volumes the inventory's VMs use where a request named them (a disk's
-- source, a differencing disk's parent), so that an image another VM uses is not attached again.
-- exclusive_path is the path of a source (read and written by one VM only: unique), null for a
-- parent (read by any number of differencing disks).
CREATE TABLE vm_disk_image (
    vm_id          UUID          NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
    path           VARCHAR(1024) NOT NULL,
    exclusive_path VARCHAR(1024) UNIQUE,
    PRIMARY KEY (vm_id, path)
);
CREATE INDEX ix_vm_disk_image_path ON vm_disk_image (path);
