package com.disputehub.document;

/**
 * Why a document could not be listed, read or attached, as the HTTP status the API answers: 400 a bad file, 404 no
 * such document, 409 the channel or the order refuses it, 503 the channel cannot be reached now.
 */
public class DocumentProblem extends RuntimeException {

    private final int status;

    DocumentProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
