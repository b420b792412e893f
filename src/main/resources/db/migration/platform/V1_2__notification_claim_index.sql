-- The dispatcher looks for claims left by a crashed sender; without an index that was a scan of the whole outbox.
create index platform_notification_claimed on platform_notification (claimed_at) where status = 'SENDING';
