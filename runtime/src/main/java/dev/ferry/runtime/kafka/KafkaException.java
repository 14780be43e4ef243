package dev.ferry.runtime.kafka;

/** A Kafka operation of the runtime failed; the message names the topics involved. */
public final class KafkaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaException(String message, Throwable cause) {
        super(message + ": " + (cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage()), cause);
    }
}
