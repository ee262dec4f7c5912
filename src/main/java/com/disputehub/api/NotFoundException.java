package com.disputehub.api;

/** Answers 404 with its message. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
