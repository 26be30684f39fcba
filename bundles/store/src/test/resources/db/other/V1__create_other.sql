CREATE TABLE other_entry (
    id INT NOT NULL PRIMARY KEY,
    body VARCHAR(64) NOT NULL
);
INSERT INTO other_entry (id, body) VALUES (1, 'seeded by V1');
