package net.outageherald.model;

/** A target that cannot be parsed; the message is written for the person who typed it. */
public class InvalidTargetException extends IllegalArgumentException {
    public InvalidTargetException(String message) {
        super(message);
    }
}
