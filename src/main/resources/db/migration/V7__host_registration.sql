-- Hosts registered through the console or the API carry the number of Windows Server licences
-- bought for them; the licensing issue counts rights from it. Null: not recorded.
ALTER TABLE host ADD COLUMN licence_count INTEGER;
