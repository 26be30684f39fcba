CREATE TABLE paxexam_probe (id INT NOT NULL PRIMARY KEY, label VARCHAR(64) NOT NULL);
INSERT INTO paxexam_probe (id, label) VALUES (1, 'migrated in Felix');
