package com.disputehub.grouping;

/** No group or bulk decision has this id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
