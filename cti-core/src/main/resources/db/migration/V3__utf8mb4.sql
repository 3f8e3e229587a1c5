-- Area names (北京), guest and caller names are Unicode: store every text column as utf8mb4,
-- whatever the server's or database's default character set is.
-- [jooq ignore start]
ALTER TABLE calls CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE call_legs CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE call_charges CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- [jooq ignore stop]
