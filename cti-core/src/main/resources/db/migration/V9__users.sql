-- Console and API users: operators, auditors, administrators. Passwords are kept only as bcrypt hashes.

CREATE TABLE users (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username       VARCHAR(32)   NOT NULL,
  password_hash  VARCHAR(100)  NOT NULL,
  role           VARCHAR(16)   NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  created_by     VARCHAR(64)   NOT NULL,
  CONSTRAINT uq_users_username UNIQUE (username)
);
