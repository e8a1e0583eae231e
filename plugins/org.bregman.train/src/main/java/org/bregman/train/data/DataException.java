package org.bregman.train.data;

/** Data that cannot be loaded: a missing or malformed file. The message says what to do. */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
