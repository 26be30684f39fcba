ALTER TABLE sample_item ADD COLUMN note VARCHAR(128) DEFAULT 'none' NOT NULL;
CREATE TABLE sample_tag (
    item_id INT NOT NULL,
    tag VARCHAR(32) NOT NULL,
    PRIMARY KEY (item_id, tag)
);
