package org.example.outside;

import java.io.Serializable;

/** A harmless class that no allow list in the tests names. */
public class Outsider implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name = "outside";

    public String name() {
        return name;
    }
}
